using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;

namespace MlIntro.Core.Tests.Trees;

public sealed class BoostedTreesRulesTests
{
    private static readonly ExperimentValidator Validator =
        new(new ExperimentLimits(), new DatasetCatalog([new GaussTutorialSource(), new HiggsUciSource()]));

    /// <summary>A tree run needs no network and no optimizer.</summary>
    private static readonly ExperimentDefinition Valid = new(
        Lesson.Evaluation,
        new DataSpec(HiggsUciSource.Name, Points: 10_000, TrainFraction: 0.5),
        Training: new TrainingSpec(100, 32),
        Seed: 1,
        BoostedTrees: new BoostedTreesSpec());

    private static string[] Errors(ExperimentDefinition definition) =>
        [.. Validator.Validate(definition).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Validate_TreesWithoutNetwork_IsValid()
    {
        var errors = Errors(Valid);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_NetworkRunWithoutModel_StillNeedsModelAndOptimizer()
    {
        var errors = Errors(Valid with { BoostedTrees = null });

        Assert.Contains("Model is required.", errors);
        Assert.Contains("Optimizer is required.", errors);
    }

    [Theory]
    [InlineData("Leaves", 1, "BoostedTrees.Leaves must be between 2 and 1024.")]
    [InlineData("Leaves", 5000, "BoostedTrees.Leaves must be between 2 and 1024.")]
    [InlineData("LearningRate", 0, "BoostedTrees.LearningRate must be between 0.0001 and 1.")]
    [InlineData("LearningRate", double.NaN, "BoostedTrees.LearningRate must be between 0.0001 and 1.")]
    [InlineData("MinEventsPerLeaf", 0, "BoostedTrees.MinEventsPerLeaf must be between 1 and 10000.")]
    [InlineData("FeatureFraction", 1.5, "BoostedTrees.FeatureFraction must be between 0.05 and 1.")]
    [InlineData("FeatureFraction", 0, "BoostedTrees.FeatureFraction must be between 0.05 and 1.")]
    public void Validate_OutOfRangeSetting_NamesTheFieldAndItsRange(string field, double value, string message)
    {
        var spec = field switch
        {
            "Leaves" => new BoostedTreesSpec(Leaves: (int)value),
            "LearningRate" => new BoostedTreesSpec(LearningRate: value),
            "MinEventsPerLeaf" => new BoostedTreesSpec(MinEventsPerLeaf: (int)value),
            _ => new BoostedTreesSpec(FeatureFraction: value),
        };

        var errors = Errors(Valid with { BoostedTrees = spec });

        Assert.Equal([message], errors);
    }

    [Fact]
    public void Validate_TooManyRoundsForTheEvents_NamesEpochsAndTheBound()
    {
        // 5,491 HIGGS training events in the 50 % pool: 600 rounds are 3.3 million round-events.
        var errors = Errors(Valid with { Training = new TrainingSpec(600, 32) });

        var error = Assert.Single(errors, e => e.StartsWith("Training.Epochs", StringComparison.Ordinal));
        Assert.True(error.StartsWith("Training.Epochs: 600 rounds on 5,491 training events is more than 3,000,000 round-events", StringComparison.Ordinal), error);
    }

    [Fact]
    public void Validate_TreesInARace_Refused()
    {
        var errors = Errors(Valid with { Race = [new NamedOptimizer("Adam", new OptimizerSpec(OptimizerKind.Adam, 0.01))] });

        Assert.Contains("BoostedTrees: a run of trees is not a race.", errors);
    }
}
