using Bunit;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class StreamingChartTests : ChartTestContext
{
    private static PointChart.Point[] Squares(int from, int to) => Enumerable.Range(from, to - from + 1).Select(i => new PointChart.Point(i, i * i)).ToArray();

    [Fact]
    public async Task Append_FromAnotherThread_ArrivesInFewExtendTracesCallsInOrder()
    {
        using var timeout = Timeout();
        var chart = Render<PointChart>();
        var points = Enumerable.Range(1, 200).Select(i => new PointChart.Point(i, i * 0.5)).ToArray();

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, points, timeout.Token);

        var extends = Plotly.CallsTo("extendTraces");
        Assert.InRange(extends.Count, 1, 3);
        Assert.All(extends, call => Assert.Equal([0], call.ExtendedTraces));
        Assert.Equal(points.Select(p => p.X), extends.SelectMany(call => call.ExtendedX[0]));
        Assert.Equal(points.Select(p => p.Y), extends.SelectMany(call => call.ExtendedY[0]));
        Assert.Empty(Plotly.CallsTo("react"));
    }

    [Fact]
    public async Task Append_FromManyThreadsAtOnce_DrawsEveryPointExactlyOnce()
    {
        using var timeout = Timeout();
        var chart = Render<PointChart>();

        await Parallel.ForAsync(0, 4, timeout.Token, (thread, _) =>
        {
            Array.ForEach(Squares(thread * 100 + 1, thread * 100 + 100), chart.Instance.Append);
            return ValueTask.CompletedTask;
        });
        chart.WaitForAssertion(() => Assert.Equal("400", DataPoints(chart)), Patience);

        var drawn = Plotly.CallsTo("extendTraces").SelectMany(call => call.ExtendedX[0]).Order();
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (double)i), drawn);
    }

    [Fact]
    public async Task Append_BeforePlotlyHasFirstDrawn_IsExtendedOnceAfterIt()
    {
        using var timeout = Timeout();
        Plotly.HoldNewPlot();
        var chart = Render<PointChart>();
        Array.ForEach(Squares(1, 3), chart.Instance.Append);

        await Task.Delay(StreamingChart<PointChart.Point>.FlushInterval * 5, timeout.Token);
        var extendedBeforeFirstDraw = Plotly.CallsTo("extendTraces").Count;
        Plotly.FinishNewPlot();
        chart.WaitForAssertion(() => Assert.Equal("3", DataPoints(chart)), Patience);

        Assert.Equal(0, extendedBeforeFirstDraw);
        var newPlot = Assert.Single(Plotly.CallsTo("newPlot"));
        Assert.Empty(newPlot.X(0));
        var extend = Assert.Single(Plotly.CallsTo("extendTraces"));
        Assert.Equal([1.0, 2.0, 3.0], extend.ExtendedX[0]);
        Assert.Equal([1.0, 4.0, 9.0], extend.ExtendedY[0]);
    }

    [Fact]
    public void Append_WhenExtendTracesFails_RedrawsEveryPointOnceFromTheChartsOwnTraces()
    {
        Plotly.FailsExtend = true;
        var chart = Render<PointChart>();

        Array.ForEach(Squares(1, 2), chart.Instance.Append);
        chart.WaitForAssertion(() => Assert.Equal("2", DataPoints(chart)), Patience);
        var firstRedraw = Assert.Single(Plotly.CallsTo("react"));
        Array.ForEach(Squares(3, 4), chart.Instance.Append);
        chart.WaitForAssertion(() => Assert.Equal("4", DataPoints(chart)), Patience);

        Assert.Equal([1.0, 2.0], firstRedraw.X(0));
        Assert.Equal([1.0, 4.0], firstRedraw.Y(0));
        var lastRedraw = Plotly.CallsTo("react")[^1];
        Assert.Equal([1.0, 2.0, 3.0, 4.0], lastRedraw.X(0));
        Assert.Equal([1.0, 4.0, 9.0, 16.0], lastRedraw.Y(0));
    }

    [Fact]
    public void Append_ValuesThatAreNotFinite_AreSentAsGaps()
    {
        var chart = Render<PointChart>();
        PointChart.Point[] points = [new(1, double.NaN), new(2, double.PositiveInfinity), new(3, null), new(4, 2.5)];

        Array.ForEach(points, chart.Instance.Append);
        chart.WaitForAssertion(() => Assert.Equal("4", DataPoints(chart)), Patience);

        var extend = Assert.Single(Plotly.CallsTo("extendTraces"));
        Assert.Equal([null, null, null, 2.5], extend.ExtendedY[0]);
    }

    [Fact]
    public async Task Restart_AfterPoints_RedrawsEmptyAndCountsAgainFromZero()
    {
        var chart = Render<PointChart>();
        Array.ForEach(Squares(1, 3), chart.Instance.Append);
        chart.WaitForAssertion(() => Assert.Equal("3", DataPoints(chart)), Patience);

        await chart.InvokeAsync(chart.Instance.ClearAsync);
        var countAfterClear = DataPoints(chart);
        chart.Instance.Append(new PointChart.Point(7, 49));
        chart.WaitForAssertion(() => Assert.Equal("1", DataPoints(chart)), Patience);

        Assert.Equal("0", countAfterClear);
        Assert.Empty(Assert.Single(Plotly.CallsTo("react")).X(0));
        Assert.Equal([7.0], Plotly.CallsTo("extendTraces")[^1].ExtendedX[0]);
    }

    [Fact]
    public async Task Dispose_StopsTheFlushLoop()
    {
        using var timeout = Timeout();
        var chart = Render<PointChart>();
        var instance = chart.Instance;
        instance.Append(new PointChart.Point(1, 1));
        chart.WaitForAssertion(() => Assert.Single(Plotly.CallsTo("extendTraces")), Patience);

        // The chart's own disposal, as the renderer calls it; plotly's chart below stays alive and could still draw.
        await chart.InvokeAsync(() => instance.DisposeAsync().AsTask());
        instance.Append(new PointChart.Point(2, 4));
        await Task.Delay(StreamingChart<PointChart.Point>.FlushInterval * 5, timeout.Token);
        await instance.FlushAsync();

        Assert.Single(Plotly.CallsTo("extendTraces"));
    }
}
