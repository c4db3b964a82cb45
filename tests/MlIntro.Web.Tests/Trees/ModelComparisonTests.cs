using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Trees;
using MlIntro.Web.Tests.Widgets;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Web.Tests.Trees;

public sealed class ModelComparisonTests : ChartTestContext
{
    public ModelComparisonTests() => Services.AddMudServices();

    private static EvaluationFrame Final(double auc) => new(40, [new RocCurve("signal", [0, 0.5, 1], [0, 0.2, 1], auc)], IsFinal: true);

    [Fact]
    public void Render_NetworkAndTrees_OneCurveEachNamedByItsModelWithItsAuc()
    {
        var comparison = Render<ModelComparison>(p => p
            .Add(c => c.Network, ("network 8,8", Final(0.7006)))
            .Add(c => c.Trees, ("boosted trees, 100 rounds × 31 leaves", Final(0.7732))));

        var legend = comparison.FindAll("[data-testid=roc-legend] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["network 8,8, AUC = 70.1%", "boosted trees, 100 rounds × 31 leaves, AUC = 77.3%"], legend);
        Assert.Empty(comparison.FindAll("[data-testid=comparison-missing]"));
    }

    [Fact]
    public void Render_NetworkOnly_AsksForTheTrees()
    {
        var comparison = Render<ModelComparison>(p => p.Add(c => c.Network, ("network 8,8", Final(0.7))));

        Assert.Contains("boosted trees", comparison.Find("[data-testid=comparison-missing]").TextContent, StringComparison.Ordinal);
        Assert.Single(comparison.FindAll("[data-testid=roc-legend] li"));
    }
}
