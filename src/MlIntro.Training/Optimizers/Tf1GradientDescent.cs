using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Optimizers;

/// <summary>Plain gradient descent, TF1's GradientDescentOptimizer (the same step as torch's SGD): see <see cref="UpdateRules.GradientDescent"/>.</summary>
public sealed class Tf1GradientDescent : Tf1Optimizer
{
    private readonly Tensor _learningRate;

    public Tf1GradientDescent(IEnumerable<Parameter> parameters, double learningRate, double weightDecay = 0)
        : base(parameters, learningRate, weightDecay)
    {
        _learningRate = OwnedConstant(learningRate);
    }

    protected override void Update(int index, Tensor parameter, Tensor gradient) =>
        UpdateRules.GradientDescent(parameter, gradient, _learningRate);
}
