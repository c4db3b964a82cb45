using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using static TorchSharp.torch;

namespace MlIntro.Training.Tests.Models;

[Collection("torch")]
public sealed class ActivationsTests
{
    private static readonly double[] Inputs = [-2, -0.5, 0, 0.75, 3];

    public static TheoryData<Activation> All => new(Enum.GetValues<Activation>());

    [Theory]
    [MemberData(nameof(All))]
    public void Apply_EachActivation_GivesTheTextbookValues(Activation activation)
    {
        Func<double, double> expected = activation switch
        {
            Activation.ReLU => x => Math.Max(0, x),
            Activation.Tanh => Math.Tanh,
            Activation.Sigmoid => x => 1 / (1 + Math.Exp(-x)),
            Activation.ELU => x => x > 0 ? x : Math.Exp(x) - 1,
            _ => x => x,
        };
        using var scope = NewDisposeScope();

        var output = Activations.Apply(activation, tensor(Inputs).view(1, 5, 1));

        Assert.Equal([1L, 5L, 1L], output.shape);
        Assert.Equal(Inputs.Select(expected), output.data<double>().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-15);
    }
}
