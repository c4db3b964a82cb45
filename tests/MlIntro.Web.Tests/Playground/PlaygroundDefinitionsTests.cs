using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Playground;

namespace MlIntro.Web.Tests.Playground;

public sealed class PlaygroundDefinitionsTests
{
    // Between them every field differs from its default at least once; each optimizer's own parameters are set
    // away from their defaults (the definition carries only the parameters the chosen optimizer reads).
    public static TheoryData<PlaygroundSettings> NonDefaultSettings => new()
    {
        new PlaygroundSettings("spiral", 25, 70, 7, 0.3, Activation.ReLU, Regularization.L2, 0.01, ProblemKind.Classification,
            "5,3,2", "x1,x2,sin(x1)", OptimizerKind.Adam, 0.2, true, 9, Beta1: 0.8, Beta2: 0.99),
        new PlaygroundSettings("multigauss", 50, 10, 1, 0.00001, Activation.Sigmoid, Regularization.L1, 3, ProblemKind.Regression,
            "8", "x1^2,x2^2,x1*x2", OptimizerKind.Momentum, 0.5, false, 0, Momentum: 0.5),
        new PlaygroundSettings("xor", 5, 90, 30, 10, Activation.Linear, Regularization.None, 0, ProblemKind.Classification,
            "8,8,8,8,8,8", "sin(x2)", OptimizerKind.RMSProp, 0, false, 123456, Decay: 0.75),
        new PlaygroundSettings("plane", 15, 40, 12, 0.003, Activation.Tanh, Regularization.L2, 0.3, ProblemKind.Regression,
            "", "x1", OptimizerKind.Adagrad, 0, true, 77),
        new PlaygroundSettings("upload:abc_DEF-123", 0, 50, 10, 0.03, Activation.Tanh, Regularization.None, 0, ProblemKind.Classification,
            "16,1", "x1,x2", OptimizerKind.GD, 0.1, false, 1),
    };

    [Theory]
    [MemberData(nameof(NonDefaultSettings))]
    public void ToSettings_OfToDefinition_GivesBackTheSameSettings(PlaygroundSettings settings)
    {
        var definition = settings.ToDefinition(epochs: 1000);

        var again = PlaygroundDefinitions.ToSettings(definition);

        Assert.Equal(settings, again);
    }

    [Fact]
    public void ToSettings_HandWrittenDefinition_ReadsEveryField()
    {
        var definition = new ExperimentDefinition(
            Lesson.Playground,
            new DataSpec("gauss", 500, 0.35, 0.6, ["x1", "x1^2"]),
            new ModelSpec([new HiddenLayer(6, 0.25), new HiddenLayer(3, 0.25)], Activation.ReLU, Regularization.L1, 0.001),
            new OptimizerSpec(OptimizerKind.Momentum, 0.1, new Dictionary<string, double> { ["momentum"] = 0.7 }),
            new TrainingSpec(100_000, 25, EarlyStopping: true),
            Seed: 42);

        var settings = PlaygroundDefinitions.ToSettings(definition);

        Assert.Equal(
            new PlaygroundSettings("gauss", 35, 60, 25, 0.1, Activation.ReLU, Regularization.L1, 0.001, ProblemKind.Classification,
                "6,3", "x1,x1^2", OptimizerKind.Momentum, 0.25, true, 42, Momentum: 0.7),
            settings);
    }
}
