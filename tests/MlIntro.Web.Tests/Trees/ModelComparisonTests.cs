using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Trees;
using MlIntro.Web.Tests.Widgets;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Web.Tests.Trees;

/// <summary>The network-vs-trees ROC overlay of /evaluation.</summary>
public sealed class ModelComparisonTests : MudChartTest
{
    private static EvaluationFrame Final(double auc) => new(40, [new RocCurve("signal", [0, 0.5, 1], [0, 0.2, 1], auc)], IsFinal: true);

    [Fact]
    public void Render_NetworkAndTrees_OneCurveEachNamedByItsModelWithItsAuc()
    {
        var comparison = Context.Render<ModelComparison>(p => p
            .Add(c => c.Network, ("network 8,8", Final(0.7006)))
            .Add(c => c.Trees, ("boosted trees, 100 rounds × 31 leaves", Final(0.7732))));

        var legend = comparison.FindAll("[data-testid=roc-legend] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["network 8,8, AUC = 70.1%", "boosted trees, 100 rounds × 31 leaves, AUC = 77.3%"], legend);
        Assert.Empty(comparison.FindAll("[data-testid=comparison-missing]"));
    }

    [Fact]
    public void DefinitionTable_TreesRun_NamesTheTreesInsteadOfANetwork()
    {
        var definition = new ExperimentDefinition(Lesson.Evaluation, new DataSpec("higgs-uci", 10_000, 0, 0.5), Training: new TrainingSpec(100, 32),
            BoostedTrees: new MlIntro.Core.Experiments.Trees.BoostedTreesSpec(Leaves: 16));

        var table = Context.Render<MlIntro.Web.Components.Widgets.DefinitionTable>(p => p.Add(t => t.Definition, definition).Add(t => t.EpochsTrained, 100));

        Assert.StartsWith("boosted decision trees (LightGBM): 16 leaves", table.Find("[data-testid=definition-trees]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden layers", table.Markup, StringComparison.Ordinal);
        Assert.Equal("100 of 100 asked", table.Find("[data-testid=definition-epochs]").TextContent);
    }

    [Fact]
    public void Render_NetworkOnly_AsksForTheTrees()
    {
        var comparison = Context.Render<ModelComparison>(p => p.Add(c => c.Network, ("network 8,8", Final(0.7))));

        Assert.Contains("boosted trees", comparison.Find("[data-testid=comparison-missing]").TextContent, StringComparison.Ordinal);
        Assert.Single(comparison.FindAll("[data-testid=roc-legend] li"));
    }
}
