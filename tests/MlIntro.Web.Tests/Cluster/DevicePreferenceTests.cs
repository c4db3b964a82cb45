using MlIntro.Core.Data.Sources;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Cluster;
using MlIntro.Web.Components.Pages.Evaluation;
using MlIntro.Web.Components.Pages.Tuning;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>Which runs the cluster's placement sends to a CUDA worker: heavy torch runs, never LightGBM's trees.</summary>
public sealed class DevicePreferenceTests
{
    private static readonly double MaxEpochCost = new TrainingOptions().StackedMaxEpochCost;

    [Fact]
    public void PrefersCuda_TreesRunAndTreesStudy_NoAlthoughBothAreHeavy()
    {
        var trees = (EvaluationSettings.Default with { UseTrees = true }).ToDefinition(EvaluationSettings.DataFor(GaussTutorialSource.Name));
        var treeStudy = new TuningSettings(Data: "gauss", Trees: true, Epochs: 30).Definition();

        var preferences = new[] { trees, treeStudy }.Select(d => DevicePlacement.PrefersCuda(d, MaxEpochCost)).ToList();

        Assert.Equal([false, false], preferences);
        Assert.Equal(RunWeight.Heavy, RunExecutorSelector.WeightOf(trees, MaxEpochCost));
        Assert.Equal(RunWeight.Heavy, RunExecutorSelector.WeightOf(treeStudy, MaxEpochCost));
    }

    [Fact]
    public void PrefersCuda_Networks_OnlyTheHeavyOne()
    {
        var light = Definitions.SmallMlp(epochs: 3);
        // A validation set keeps a run out of the stacked engine: it trains on a thread of its own (heavy).
        var heavy = light with { Training = light.RequiredTraining with { ValidationFraction = 0.2 } };

        var preferences = new[] { light, heavy }.Select(d => DevicePlacement.PrefersCuda(d, MaxEpochCost)).ToList();

        Assert.Equal([false, true], preferences);
    }
}
