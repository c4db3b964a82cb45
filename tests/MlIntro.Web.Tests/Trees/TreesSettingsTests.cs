using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Web.Components.Pages.Evaluation;

namespace MlIntro.Web.Tests.Trees;

public sealed class TreesSettingsTests
{
    [Fact]
    public void ToDefinition_Trees_CarriesNoNetworkAndRoundTrips()
    {
        var settings = EvaluationSettings.Default with
        {
            Data = HiggsUciSource.Name,
            UseTrees = true,
            Rounds = 250,
            BalanceClasses = true,
            Trees = new BoostedTreesSpec(Leaves: 64, LearningRate: 0.3, MinEventsPerLeaf: 2, FeatureFraction: 0.8),
        };

        var definition = settings.ToDefinition(EvaluationSettings.DataFor(settings.Data));
        var back = EvaluationSettings.FromDefinition(definition);

        Assert.Null(definition.Model);
        Assert.Null(definition.Optimizer);
        Assert.Equal(250, definition.RequiredTraining.Epochs);
        Assert.True(definition.RequiredTraining.BalanceClasses);
        Assert.Equal(settings.Trees, definition.BoostedTrees);
        Assert.Equal(settings, back);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(BoostedTreesSpec.MaxRounds + 1)]
    public void Problem_RoundsOutOfRange_OneSentence(int rounds)
    {
        var settings = EvaluationSettings.Default with { UseTrees = true, Rounds = rounds };

        var problem = settings.Problem(new ExperimentLimits());

        Assert.Equal($"Rounds must be between 1 and 5,000, not {rounds:N0}.", problem);
    }

    [Fact]
    public void ModelLabel_NetworkAndTrees_SayWhichModelProducedTheCurve()
    {
        var network = EvaluationSettings.Default;
        var trees = network with { UseTrees = true, Rounds = 40, Trees = new BoostedTreesSpec(Leaves: 8) };

        Assert.Equal("network 8,8", network.ModelLabel);
        Assert.Equal("boosted trees, 40 rounds × 8 leaves", trees.ModelLabel);
    }
}
