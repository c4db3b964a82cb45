using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class AccuracyChartTests : ChartTestContext
{
    // The first epoch has no training accuracy: its line shows a gap there, not a zero.
    private static readonly EpochMetrics[] FirstEpochWithoutTrainingAccuracy =
    [
        new(1, 1.2, 1.3, TrainAccuracy: null, TestAccuracy: 0.41),
        new(2, 0.9, 1.0, TrainAccuracy: 0.55, TestAccuracy: 0.52),
    ];

    [Fact]
    public void Render_Initially_DrawsMarkedTrainingAndTestLinesOnAFractionAxis()
    {
        Render<AccuracyChart>();

        var newPlot = Assert.Single(Plotly.CallsTo("newPlot"));
        Assert.Equal(["training accuracy", "test accuracy"], [newPlot.Name(0), newPlot.Name(1)]);
        Assert.Equal("lines+markers", newPlot.Traces[0].GetProperty("mode").GetString());
        var range = newPlot.Layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble());
        Assert.Equal([0.0, 1.0], range);
    }

    [Fact]
    public async Task Append_EpochWithoutTrainingAccuracy_LeavesAGapInTheTrainingLine()
    {
        using var timeout = Timeout();
        var chart = Render<AccuracyChart>(p => p.Add(c => c.Id, "jets-accuracy"));

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, FirstEpochWithoutTrainingAccuracy, timeout.Token);

        Assert.NotNull(chart.Find(".accuracy-chart #jets-accuracy"));
        var extends = Plotly.CallsTo("extendTraces");
        Assert.Equal([null, 0.55], extends.SelectMany(call => call.ExtendedY[0]));
        Assert.Equal([0.41, 0.52], extends.SelectMany(call => call.ExtendedY[1]));
    }

    [Fact]
    public async Task ClearAsync_AfterAValidationRun_StartsOverWithATestLine()
    {
        var chart = Render<AccuracyChart>();
        chart.Instance.Append(new EpochMetrics(1, 1.0, null, TrainAccuracy: 0.5, ValidationAccuracy: 0.45));
        chart.WaitForAssertion(() => Assert.Equal("1", DataPoints(chart)), Patience);
        var beforeClear = Plotly.CallsTo("react")[^1];

        await chart.InvokeAsync(chart.Instance.ClearAsync);

        Assert.Equal("validation accuracy", beforeClear.Name(1));
        var cleared = Plotly.CallsTo("react")[^1];
        Assert.Equal("test accuracy", cleared.Name(1));
        Assert.Empty(cleared.Y(1));
        Assert.Equal("0", DataPoints(chart));
    }
}
