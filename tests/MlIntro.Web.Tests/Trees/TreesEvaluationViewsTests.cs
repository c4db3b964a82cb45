using Bunit;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Evaluation;
using MlIntro.Web.Components.Pages.Trees;
using MlIntro.Web.Tests.Widgets;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Web.Tests.Trees;

/// <summary>The evaluation page's controls and views with MudBlazor inputs.</summary>
public sealed class TreesEvaluationViewsTests : MudChartTest
{
    private static EvaluationFrame Final() =>
        new(40, [new RocCurve("signal", [0, 0.5, 1], [0, 0.8, 1], 0.75)], IsFinal: true, Split: "test", Accuracy: 0.7);

    [Fact]
    public void OverfitButton_Clicked_HandsThePageHiggsSettings()
    {
        EvaluationSettings? changed = null;
        var controls = Context.Render<TreesControls>(p => p
            .Add(c => c.Settings, EvaluationSettings.Default with { UseTrees = true })
            .Add(c => c.SettingsChanged, s => changed = s));

        controls.Find("[data-testid=overfit-preset]").Click();

        Assert.Equal(HiggsUciSource.Name, changed?.Data);
        Assert.Contains("20", controls.Find("[data-testid=trees-validation]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryEvaluationView_WithModel_NamesItInTheSummaryAndTheRocLegend()
    {
        var view = Context.Render<BinaryEvaluationView>(p => p.Add(c => c.Frame, Final()).Add(c => c.Model, "boosted trees, 40 rounds × 31 leaves"));

        Assert.Equal("boosted trees, 40 rounds × 31 leaves", view.Find("[data-testid=evaluation-model]").TextContent);
        Assert.Equal("signal (boosted trees, 40 rounds × 31 leaves), AUC = 75.0%", view.Find("[data-testid=roc-legend] li").TextContent);
    }
}
