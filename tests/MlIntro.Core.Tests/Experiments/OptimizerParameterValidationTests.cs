using MlIntro.Core.Experiments;
using MlIntro.Core.Optimizers;
using static MlIntro.Core.Tests.Experiments.ValidationSamples;

namespace MlIntro.Core.Tests.Experiments;

/// <summary>Optimizer hyperparameters are checked by name and range for the run's optimizer and for every racer.</summary>
public sealed class OptimizerParameterValidationTests
{
    private static IReadOnlyList<string> Errors(ExperimentDefinition definition) =>
        [.. Validator.Validate(definition).Errors.Select(e => e.ErrorMessage)];

    private static ExperimentDefinition WithOptimizer(OptimizerKind kind, string name, double value) =>
        Network with { Optimizer = new OptimizerSpec(kind, 0.01, new Dictionary<string, double> { [name] = value }) };

    /// <summary>A surface race whose third racer (index 2) is "Adam 0.05" with the given parameters.</summary>
    private static ExperimentDefinition RaceWithAdam(Dictionary<string, double> parameters) => new(
        Lesson.Optimizers,
        Race:
        [
            new NamedOptimizer("GD 0.05", new OptimizerSpec(OptimizerKind.GD, 0.05)),
            new NamedOptimizer("Momentum 0.01", new OptimizerSpec(OptimizerKind.Momentum, 0.01)),
            new NamedOptimizer("Adam 0.05", new OptimizerSpec(OptimizerKind.Adam, 0.05, parameters)),
        ],
        Surface: new SurfaceSpec("lecture"));

    [Fact]
    public void Validate_UnknownParameterName_NamesItAndListsWhatTheKindReads()
    {
        var errors = Errors(WithOptimizer(OptimizerKind.Adam, "betaOne", 0.9));

        Assert.Equal(["Optimizer.Parameters.betaOne is not a parameter of Adam (it reads beta1, beta2, epsilon, weightDecay, inverseTimeDecay)."], errors);
    }

    [Fact]
    public void Validate_RacerWithBetaOneAboveOne_NamesTheRacerByIndexAndLegendAndTheRange()
    {
        var errors = Errors(RaceWithAdam(new() { ["beta1"] = 1.5 }));

        Assert.Equal(["Race[2] 'Adam 0.05': Optimizer.Parameters.beta1 (1.5) must be in [0, 1)."], errors);
    }

    [Fact]
    public void Validate_RacerWithUnknownName_NamesTheRacer()
    {
        var errors = Errors(RaceWithAdam(new() { ["momentum"] = 0.9 }));

        Assert.Equal(["Race[2] 'Adam 0.05': Optimizer.Parameters.momentum is not a parameter of Adam (it reads beta1, beta2, epsilon, weightDecay, inverseTimeDecay)."], errors);
    }

    [Theory]
    [InlineData(OptimizerKind.Momentum, "momentum", 1.0, "(1) must be in [0, 1)")]
    [InlineData(OptimizerKind.Nesterov, "momentum", -0.1, "(-0.1) must be in [0, 1)")]
    [InlineData(OptimizerKind.RMSProp, "decay", 1.0, "(1) must be in [0, 1)")]
    [InlineData(OptimizerKind.Adadelta, "rho", 1.2, "(1.2) must be in [0, 1)")]
    [InlineData(OptimizerKind.Adam, "beta2", 1.0, "(1) must be in [0, 1)")]
    [InlineData(OptimizerKind.Adam, "epsilon", -1e-8, "(-1E-08) must be a finite number ≥ 0")]
    [InlineData(OptimizerKind.Adagrad, "initialAccumulator", 0.0, "(0) must be a finite number > 0")]
    [InlineData(OptimizerKind.Ftrl, "initialAccumulator", -0.1, "(-0.1) must be a finite number > 0")]
    [InlineData(OptimizerKind.Ftrl, "lrPower", 0.5, "(0.5) must be a finite number ≤ 0")]
    [InlineData(OptimizerKind.Ftrl, "l1", -1.0, "(-1) must be a finite number ≥ 0")]
    [InlineData(OptimizerKind.AdamW, "weightDecay", -0.01, "(-0.01) must be a finite number ≥ 0")]
    [InlineData(OptimizerKind.GD, "weightDecay", double.PositiveInfinity, "(Infinity) must be a finite number ≥ 0")]
    [InlineData(OptimizerKind.Adam, "beta1", double.NaN, "(NaN) must be in [0, 1)")]
    public void Validate_ParameterOutOfRange_NamesTheFieldTheValueAndTheRange(OptimizerKind kind, string name, double value, string expected)
    {
        var errors = Errors(WithOptimizer(kind, name, value));

        Assert.Equal([$"Optimizer.Parameters.{name} {expected}."], errors);
    }

    [Theory]
    [InlineData(OptimizerKind.Momentum, "momentum", 0.0)]
    [InlineData(OptimizerKind.Momentum, "momentum", 0.999)]
    [InlineData(OptimizerKind.Adam, "epsilon", 0.0)]
    [InlineData(OptimizerKind.Ftrl, "lrPower", 0.0)]
    [InlineData(OptimizerKind.Ftrl, "lrPower", -2.0)]
    [InlineData(OptimizerKind.Adagrad, "initialAccumulator", 1e-12)]
    public void Validate_ParameterAtTheEdgeOfItsRange_IsAccepted(OptimizerKind kind, string name, double value)
    {
        Assert.Empty(Errors(WithOptimizer(kind, name, value)));
    }

    [Fact]
    public void Validate_EveryKindWithAllItsDefaultsSpelledOut_IsAccepted()
    {
        var kinds = Enum.GetValues<OptimizerKind>();

        var errors = kinds.SelectMany(k => Errors(Network with { Optimizer = new OptimizerSpec(k, 0.01, OptimizerParameters.DefaultsFor(k)) }));

        Assert.Empty(errors);
    }

    [Fact]
    public void DefaultsFor_Adam_AreTensorFlowOnesDefaults()
    {
        var defaults = OptimizerParameters.DefaultsFor(OptimizerKind.Adam);

        // tf.compat.v1.train.AdamOptimizer(learning_rate, beta1=0.9, beta2=0.999, epsilon=1e-08); TF1 has no weight decay, and no decay unless asked.
        Assert.Equal(new Dictionary<string, double> { ["beta1"] = 0.9, ["beta2"] = 0.999, ["epsilon"] = 1e-8, ["weightDecay"] = 0, ["inverseTimeDecay"] = 0 }, defaults);
    }

    [Fact]
    public void Find_NameTheKindDoesNotRead_IsNull()
    {
        Assert.Null(OptimizerParameters.Find(OptimizerKind.GD, "momentum"));

        Assert.Equal(ParameterRange.Fraction, OptimizerParameters.Find(OptimizerKind.Momentum, "momentum")?.Range);
    }
}
