using Bunit;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Web.Components.Pages.Evaluation;
using MlIntro.Web.Components.Pages.Trees;
using MlIntro.Web.Components.Widgets;
using MlIntro.Web.Tests.Widgets;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Web.Tests.Trees;

/// <summary>Trees on /evaluation keep a validation split, and the page's views name the model of the run they show.</summary>
public sealed class TreesOnEvaluationTests : ChartTestContext
{
    public TreesOnEvaluationTests() => Services.AddMudServices();

    [Fact]
    public void ToDefinition_Trees_HoldsOutTheValidationShareOfTheTrainingEvents()
    {
        var trees = EvaluationSettings.Default with { UseTrees = true, Rounds = 50 };
        var network = EvaluationSettings.Default;

        var treesTraining = trees.ToDefinition(EvaluationSettings.DataFor(trees.Data)).RequiredTraining;
        var networkTraining = network.ToDefinition(EvaluationSettings.DataFor(network.Data)).RequiredTraining;

        Assert.Equal(0.2, treesTraining.ValidationFraction);
        Assert.Equal(0.2, EvaluationSettings.ValidationShare);
        // A network without early stopping trains on every training event, as before.
        Assert.Equal(0, networkTraining.ValidationFraction);
    }

    [Fact]
    public void Overfit_NetworkOnGaussians_SwitchesToThePresetTreesOnHiggsWithinTheServerLimits()
    {
        var settings = EvaluationSettings.Default with { BalanceClasses = true };
        var validator = new ExperimentValidator(new ExperimentLimits(), new DatasetCatalog([new HiggsUciSource()]));

        var overfit = EvaluationSettings.Overfit(settings);
        var definition = overfit.ToDefinition(EvaluationSettings.DataFor(overfit.Data));

        Assert.Equal(HiggsUciSource.Name, overfit.Data);
        Assert.True(overfit.UseTrees);
        Assert.Equal(500, overfit.Rounds);
        Assert.Equal(new BoostedTreesSpec(Leaves: 64, LearningRate: 0.3, MinEventsPerLeaf: 2), overfit.Trees);
        Assert.True(overfit.BalanceClasses);
        Assert.Null(overfit.Problem(new ExperimentLimits()));
        validator.ValidateOrThrow(definition);
    }

    [Theory]
    [InlineData("validation", "Best round, picked on the validation events: 2 (AUC 0.800); the test events stay untouched")]
    [InlineData("test", "Best round, picked on the test events: 2 (AUC 0.800); this run kept no validation events")]
    public void TreesResults_HeldOutSplit_SaysWhereTheBestRoundWasPicked(string split, string expected)
    {
        var frame = new TreesFrame([new FeatureGain("m_bb", 3, 1)], [0.7, 0.8, 0.9], [0.7, 0.8, 0.75], split, 0.5);

        var results = Render<TreesResults>(p => p.Add(c => c.Frame, frame));

        Assert.StartsWith(expected, results.Find("[data-testid=trees-best-round]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void LossChart_TitleChangesForANewRun_RedrawsWithTheNewModelsTitle()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.Title, "Loss per epoch: network 8,8"));
        chart.WaitForAssertion(() => Assert.Single(Plotly.CallsTo("newPlot")), Patience);

        chart.Render(p => p.Add(c => c.Title, "Loss per round: boosted trees, 500 rounds × 64 leaves"));

        chart.WaitForAssertion(() => Assert.NotEmpty(Plotly.CallsTo("react")), Patience);
        Assert.Equal("Loss per epoch: network 8,8", Title(Plotly.CallsTo("newPlot")[0]));
        Assert.Equal("Loss per round: boosted trees, 500 rounds × 64 leaves", Title(Plotly.CallsTo("react")[^1]));
    }

    [Theory]
    [InlineData(false, "network 8,8")]
    [InlineData(true, "boosted trees, 100 rounds × 31 leaves")]
    public void ModelLabelOf_StoredEvaluationRun_NamesTheModelAsThePageDid(bool trees, string expected)
    {
        var settings = EvaluationSettings.Default with { UseTrees = trees };
        var definition = settings.ToDefinition(EvaluationSettings.DataFor(settings.Data));

        var label = EvaluationSettings.ModelLabelOf(definition);

        Assert.Equal(expected, label);
        Assert.Null(EvaluationSettings.ModelLabelOf(definition with { Race = [] }));
    }

    private static string? Title(PlotlyCall call) => call.Layout.GetProperty("title").GetProperty("text").GetString();
}
