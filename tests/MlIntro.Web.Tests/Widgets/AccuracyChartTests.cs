using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class AccuracyChartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static string DataPoints(IRenderedComponent<AccuracyChart> chart) => chart.Find(".accuracy-chart").GetAttribute("data-points")!;

    [Fact]
    public async Task Append_EpochWithoutTrainingAccuracy_LeavesAGapInTheTrainingLine()
    {
        await using var context = new BunitContext();
        var plotly = PlotlyModule.SetUp(context);
        var chart = context.Render<AccuracyChart>(p => p.Add(c => c.Id, "jets-accuracy"));
        EpochMetrics[] epochs = [new(1, 1.2, 1.3, TrainAccuracy: null, TestAccuracy: 0.41), new(2, 0.9, 1.0, TrainAccuracy: 0.55, TestAccuracy: 0.52)];

        await Task.Run(() => Array.ForEach(epochs, chart.Instance.Append));
        chart.WaitForAssertion(() => Assert.Equal("2", DataPoints(chart)), Patience);

        Assert.NotNull(chart.Find(".accuracy-chart #jets-accuracy"));
        var extends = plotly.CallsTo("extendTraces");
        Assert.Equal([null, 0.55], extends.SelectMany(call => call.ExtendedY[0]));
        Assert.Equal([0.41, 0.52], extends.SelectMany(call => call.ExtendedY[1]));
    }

    [Fact]
    public async Task Render_Initially_DrawsMarkedTrainingAndTestLinesOnAFractionAxis()
    {
        await using var context = new BunitContext();
        var plotly = PlotlyModule.SetUp(context);

        context.Render<AccuracyChart>();

        var newPlot = Assert.Single(plotly.CallsTo("newPlot"));
        Assert.Equal(["training accuracy", "test accuracy"], [newPlot.Name(0), newPlot.Name(1)]);
        Assert.Equal("lines+markers", newPlot.Traces[0].GetProperty("mode").GetString());
        var range = newPlot.Layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble());
        Assert.Equal([0.0, 1.0], range);
    }

    [Fact]
    public async Task ClearAsync_AfterAValidationRun_StartsOverWithATestLine()
    {
        await using var context = new BunitContext();
        var plotly = PlotlyModule.SetUp(context);
        var chart = context.Render<AccuracyChart>();
        chart.Instance.Append(new EpochMetrics(1, 1.0, null, TrainAccuracy: 0.5, ValidationAccuracy: 0.45));
        chart.WaitForAssertion(() => Assert.Equal("1", DataPoints(chart)), Patience);
        var beforeClear = plotly.CallsTo("react")[^1];

        await chart.InvokeAsync(chart.Instance.ClearAsync);

        Assert.Equal("validation accuracy", beforeClear.Name(1));
        var cleared = plotly.CallsTo("react")[^1];
        Assert.Equal("test accuracy", cleared.Name(1));
        Assert.Empty(cleared.Y(1));
        Assert.Equal("0", DataPoints(chart));
    }
}
