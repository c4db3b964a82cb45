using MlIntro.Core.Experiments;
using MlIntro.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace MlIntro.Training.Tests.Optimizers;

[Collection("torch")]
public sealed class OptimizerFactoryTests
{
    public static TheoryData<OptimizerKind> Kinds => new(Enum.GetValues<OptimizerKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_EveryKind_MinimisesAQuadratic(OptimizerKind kind)
    {
        // Adadelta's steps are ~√ε·lr, so it needs the slide's large learning rate; Ftrl likewise takes 0.5.
        var lr = kind switch { OptimizerKind.Adadelta => 50.0, OptimizerKind.Ftrl => 0.5, _ => 0.05 };
        using var w = new Parameter(torch.tensor([1.0f, -2.0f]));
        using var optimizer = OptimizerFactory.Create(OptimizerPresets.WithDefaults(kind, lr), [w]);

        for (var step = 0; step < 30; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            w.square().sum().backward();
            optimizer.Step();
        }

        using var loss = w.square().sum();
        Assert.True(loss.item<float>() < 5.0f * 0.9f, $"{kind}: loss {loss.item<float>()} after 30 steps (start 5)");
    }

    [Theory]
    [InlineData(OptimizerKind.GD, typeof(Tf1GradientDescent))]
    [InlineData(OptimizerKind.Momentum, typeof(Tf1Momentum))]
    [InlineData(OptimizerKind.Nesterov, typeof(TorchSharp.Modules.SGD))]
    [InlineData(OptimizerKind.Adagrad, typeof(TorchSharp.Modules.Adagrad))]
    [InlineData(OptimizerKind.Adadelta, typeof(TorchSharp.Modules.Adadelta))]
    [InlineData(OptimizerKind.NAdam, typeof(TorchSharp.Modules.NAdam))]
    [InlineData(OptimizerKind.AdamW, typeof(TorchSharp.Modules.AdamW))]
    [InlineData(OptimizerKind.RMSProp, typeof(Tf1RmsProp))]
    [InlineData(OptimizerKind.Adam, typeof(Tf1Adam))]
    [InlineData(OptimizerKind.Ftrl, typeof(Ftrl))]
    public void Create_Kind_BuildsTheTf1EquivalentOptimizer(OptimizerKind kind, Type expected)
    {
        using var w = new Parameter(torch.zeros(3));

        using var optimizer = OptimizerFactory.Create(new OptimizerSpec(kind, 0.1), [w]);

        var actual = optimizer is TorchOptimizer torchOptimizer ? torchOptimizer.Inner.GetType() : optimizer.GetType();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Step_AdamWWithZeroGradient_DecaysWeightsByLrTimesWeightDecay()
    {
        // Decoupled decay: w ← w·(1 − lr·λ) while the Adam part is 0/(0 + ε) = 0.
        using var w = new Parameter(torch.tensor([2.0, -4.0], torch.float64));
        using var optimizer = OptimizerFactory.Create(OptimizerPresets.WithDefaults(OptimizerKind.AdamW, 0.1), [w]);
        w.grad = torch.zeros_like(w);

        optimizer.Step();

        using var values = w.data<double>();
        Assert.Equal(2.0 * (1 - (0.1 * 0.01)), values[0], 12);
        Assert.Equal(-4.0 * (1 - (0.1 * 0.01)), values[1], 12);
    }

    [Theory]
    [InlineData(OptimizerKind.Ftrl)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.GD)]
    public void ZeroGrad_AfterBackward_SetsGradientsToZero(OptimizerKind kind)
    {
        using var w = new Parameter(torch.tensor([1.0f, 2.0f]));
        using var optimizer = OptimizerFactory.Create(new OptimizerSpec(kind, 0.1), [w]);
        using (torch.NewDisposeScope())
        {
            (w * 3).sum().backward();
        }

        optimizer.ZeroGrad();

        using var grad = w.grad;
        Assert.True(grad is null || grad.abs().sum().item<float>() == 0);
    }

    [Fact]
    public void Create_ParameterTheKindDoesNotRead_ThrowsNamingIt()
    {
        using var w = new Parameter(torch.zeros(2));
        var spec = new OptimizerSpec(OptimizerKind.Adam, 0.1, new Dictionary<string, double> { ["beta_1"] = 0.8 });

        var error = Assert.Throws<ArgumentException>(() => OptimizerFactory.Create(spec, [w]));

        Assert.Contains("'beta_1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, "beta1", 1.0)]
    [InlineData(OptimizerKind.RMSProp, "decay", -0.1)]
    [InlineData(OptimizerKind.Adagrad, "initialAccumulator", 0.0)]
    [InlineData(OptimizerKind.Ftrl, "initialAccumulator", 0.0)]
    [InlineData(OptimizerKind.Ftrl, "lrPower", 0.5)]
    [InlineData(OptimizerKind.Ftrl, "l1", -1.0)]
    [InlineData(OptimizerKind.Momentum, "momentum", 1.5)]
    [InlineData(OptimizerKind.Adadelta, "rho", 1.0)]
    public void Create_HyperparameterOutOfRange_Throws(OptimizerKind kind, string name, double value)
    {
        using var w = new Parameter(torch.zeros(2));
        var spec = new OptimizerSpec(kind, 0.1, new Dictionary<string, double> { [name] = value });

        Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create(spec, [w]));
    }

    [Fact]
    public void Slide_HasTheLecturesSevenOptimizersAndLearningRates()
    {
        var expected = new[] { ("Adadelta", 50.0), ("Adagrad", 0.1), ("Adam", 0.05), ("Ftrl", 0.5), ("GD", 0.05), ("Momentum", 0.01), ("RMSProp", 0.02) };

        var actual = OptimizerPresets.Slide.Select(e => (e.Name, e.Optimizer.LearningRate)).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(0.95, OptimizerPresets.Slide.Single(e => e.Name == "Momentum").Optimizer.Parameter("momentum", 0));
    }
}
