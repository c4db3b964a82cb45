using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class LossChartTests : ChartTestContext
{
    [Theory]
    [InlineData(true, "log")]
    [InlineData(false, "linear")]
    public void Render_LogScaleAndTitle_DrawsThemInTheLayout(bool logScale, string yAxisType)
    {
        Render<LossChart>(p => p.Add(c => c.Title, "Loss (categorical cross-entropy)").Add(c => c.LogScale, logScale));

        var layout = Assert.Single(Plotly.CallsTo("newPlot")).Layout;
        Assert.Equal(yAxisType, layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("Loss (categorical cross-entropy)", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Append_TestRun_ExtendsTrainingAndTestLinesWithEachEpoch()
    {
        using var timeout = Timeout();
        var chart = Render<LossChart>(p => p.Add(c => c.Id, "playground-loss"));
        EpochMetrics[] epochs = [new(1, 0.9, 1.0), new(2, 0.7, 0.8), new(3, 0.5, 0.65)];

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, epochs, timeout.Token);

        Assert.NotNull(chart.Find(".loss-chart #playground-loss"));
        var newPlot = Assert.Single(Plotly.CallsTo("newPlot"));
        Assert.Equal(["training loss", "test loss"], [newPlot.Name(0), newPlot.Name(1)]);
        var extends = Plotly.CallsTo("extendTraces");
        Assert.All(extends, call => Assert.Equal([0, 1], call.ExtendedTraces));
        Assert.Equal([1.0, 2.0, 3.0], extends.SelectMany(call => call.ExtendedX[1]));
        Assert.Equal([0.9, 0.7, 0.5], extends.SelectMany(call => call.ExtendedY[0]));
        Assert.Equal([1.0, 0.8, 0.65], extends.SelectMany(call => call.ExtendedY[1]));
    }

    [Fact]
    public void Append_RunWithValidationSet_NamesTheHeldOutLineValidationInOneRedraw()
    {
        var chart = Render<LossChart>();

        chart.Instance.Append(new EpochMetrics(1, 0.9, TestLoss: null, ValidationLoss: 1.1));
        chart.WaitForAssertion(() => Assert.Equal("1", DataPoints(chart)), Patience);
        chart.Instance.Append(new EpochMetrics(2, 0.6, TestLoss: null, ValidationLoss: 0.7));
        chart.WaitForAssertion(() => Assert.Equal("2", DataPoints(chart)), Patience);

        var redraw = Assert.Single(Plotly.CallsTo("react"));
        Assert.Equal(["training loss", "validation loss"], [redraw.Name(0), redraw.Name(1)]);
        Assert.Equal([1.1], redraw.Y(1));
        var extend = Assert.Single(Plotly.CallsTo("extendTraces"));
        Assert.Equal([0.6], extend.ExtendedY[0]);
        Assert.Equal([0.7], extend.ExtendedY[1]);
    }

    [Fact]
    public async Task ClearAsync_AfterARun_RedrawsEmptyTrainingAndTestLines()
    {
        var chart = Render<LossChart>();
        chart.Instance.Append(new EpochMetrics(1, 0.9, TestLoss: null, ValidationLoss: 1.1));
        chart.WaitForAssertion(() => Assert.Equal("1", DataPoints(chart)), Patience);

        await chart.InvokeAsync(chart.Instance.ClearAsync);

        Assert.Equal("0", DataPoints(chart));
        var redraw = Plotly.CallsTo("react")[^1];
        Assert.Equal(["training loss", "test loss"], [redraw.Name(0), redraw.Name(1)]);
        Assert.Empty(redraw.X(0));
        Assert.Empty(redraw.X(1));
    }
}
