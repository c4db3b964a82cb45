using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Trees;

public sealed class TreeSearchTests
{
    private static readonly ExperimentValidator Validator =
        new(new ExperimentLimits(), new DatasetCatalog([new GaussTutorialSource(), new HiggsUciSource()]));

    private static readonly SearchSpace TreeSpace = new(Trees: new TreeSearchSpace(Leaves: new IntRange(4, 64), FeatureFraction: new FloatRange(0.5, 1)));

    private static ExperimentDefinition TreeStudy(SearchSpace space) => new(
        Lesson.Tuning,
        new DataSpec(HiggsUciSource.Name, Points: 10_000, TrainFraction: 0.5),
        Training: new TrainingSpec(50, 32),
        Seed: 1,
        Study: new StudySpec(space, StudyObjective.Auc, Trials: 8),
        BoostedTrees: new BoostedTreesSpec(LearningRate: 0.2));

    private static string[] Errors(ExperimentDefinition definition) => [.. Validator.Validate(definition).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Validate_StudyOfTreeSettings_IsValid()
    {
        var errors = Errors(TreeStudy(TreeSpace));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_TreeStudySearchingANetworkSetting_Refused()
    {
        var errors = Errors(TreeStudy(TreeSpace with { Neurons = new IntRange(2, 8) }));

        Assert.Contains("Study.Space: a study of boosted trees searches only Study.Space.Trees (no network settings).", errors);
    }

    [Fact]
    public void Validate_TreeLeavesOutOfRange_NamesTheField()
    {
        var errors = Errors(TreeStudy(new SearchSpace(Trees: new TreeSearchSpace(Leaves: new IntRange(1, 4000)))));

        Assert.Contains(errors, e => e.Contains("Study.Space.Trees.Leaves must lie within 2 to 1024", StringComparison.Ordinal));
    }

    [Fact]
    public void For_TreeTrial_PutsTheSampledValuesIntoTheTreesAndKeepsTheRest()
    {
        var study = TreeStudy(TreeSpace);
        var values = new Dictionary<string, double> { [TreeSearch.Leaves] = 12, [TreeSearch.FeatureFraction] = 0.75 };

        var trial = TrialDefinitions.For(study, values, SearchDimensions.Of(TreeSpace));

        Assert.Equal(new BoostedTreesSpec(Leaves: 12, LearningRate: 0.2, FeatureFraction: 0.75), trial.BoostedTrees);
        Assert.Null(trial.Study);
        Assert.Null(trial.Model);
        Assert.Equal(50, trial.RequiredTraining.Epochs);
        Assert.Equal([TreeSearch.Leaves, TreeSearch.FeatureFraction], SearchDimensions.Of(TreeSpace).Select(d => d.Name));
    }
}
