using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

/// <summary>The charts drawn from their parameters rather than streamed: they redraw when, and only when, those change.</summary>
public sealed class PlotlyWidgetTests : ChartTestContext
{
    private static readonly ScoreHistogram[] Histograms = [new("background", [0.0, 0.5, 1.0], [3.0, 5.0])];

    private static double[] Doubles(System.Text.Json.JsonElement values) => [.. values.EnumerateArray().Select(v => v.GetDouble())];

    [Fact]
    public void Render_ThresholdMoved_RedrawsTheCutThereOverTheSameSteps()
    {
        var chart = Render<ScoreHistogramChart>(p => p.Add(c => c.Histograms, Histograms).Add(c => c.Threshold, 0.5));

        chart.Render(p => p.Add(c => c.Threshold, 0.8));

        var redraw = Assert.Single(Plotly.CallsTo("react"));
        Assert.Equal("threshold", redraw.Name(1));
        Assert.Equal([0.8, 0.8], redraw.X(1));
        // The step line holds bin i's count from edge i to edge i + 1, and the last count at the closing edge.
        Assert.Equal([0.0, 0.5, 1.0], redraw.X(0));
        Assert.Equal([3.0, 5.0, 5.0], redraw.Y(0).Select(y => y!.Value));
        Assert.Equal("hv", redraw.Traces[0].GetProperty("line").GetProperty("shape").GetString());
    }

    [Fact]
    public void Render_SameParameters_DoesNotRedraw()
    {
        var chart = Render<ScoreHistogramChart>(p => p.Add(c => c.Histograms, Histograms).Add(c => c.Threshold, 0.5));

        chart.Render(p => p.Add(c => c.Histograms, Histograms).Add(c => c.Threshold, 0.5));

        Assert.Empty(Plotly.CallsTo("react"));
    }

    [Fact]
    public void Render_HepConventionSwitchedOn_RedrawsOnALogBackgroundAxis()
    {
        RocCurve[] curves = [new("network", [0.0, 0.5, 1.0], [0.0, 0.1, 1.0], 0.9)];
        var chart = Render<RocChart>(p => p.Add(c => c.Id, "evaluation-roc").Add(c => c.Curves, curves));

        chart.Render(p => p.Add(c => c.Hep, true));

        var first = Assert.Single(Plotly.CallsTo("newPlot"));
        Assert.Equal("linear", first.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("random guess", first.Name(0));
        var redraw = Assert.Single(Plotly.CallsTo("react"));
        var yAxis = redraw.Layout.GetProperty("yaxis");
        Assert.Equal("log", yAxis.GetProperty("type").GetString());
        Assert.Equal([-3.0, 0.0], Doubles(yAxis.GetProperty("range")));
        Assert.Equal("network, AUC = 90.0%", redraw.Name(0));
        // HEP: signal efficiency along x, background efficiency (floored below the axis) up y.
        Assert.Equal([0.0, 0.5, 1.0], redraw.X(0));
        Assert.Equal([RocChart.LogFloor / 10, 0.1, 1.0], redraw.Y(0).Select(y => y!.Value));
    }
}
