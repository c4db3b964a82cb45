using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class SeriesChartTests : ChartTestContext
{
    [Fact]
    public async Task Append_TwoRacersFromAnotherThread_ExtendsEachRacersOwnLine()
    {
        using var timeout = Timeout();
        var chart = Render<SeriesChart>(p => p
            .Add(c => c.Id, "network-race-loss")
            .Add(c => c.Series, ["SGD", "Adam"])
            .Add(c => c.Value, m => m.TestLoss));
        var epochs = Enumerable.Range(1, 5)
            .SelectMany(e => new[] { new EpochMetrics(e, 1, 1.0 / e, Series: "SGD"), new EpochMetrics(e, 1, 0.5 / e, Series: "Adam") })
            .Append(new EpochMetrics(1, 1, 0.1, Series: "not racing"))
            .ToArray();

        await AppendFromAnotherThreadAsync(chart, chart.Instance.Append, epochs, timeout.Token);

        var extended = Plotly.CallsTo("extendTraces")
            .SelectMany(call => call.ExtendedTraces.Select((trace, i) => (trace, x: call.ExtendedX[i], y: call.ExtendedY[i])))
            .GroupBy(e => e.trace)
            .ToDictionary(g => g.Key, g => (x: g.SelectMany(e => e.x).ToArray(), y: g.SelectMany(e => e.y).ToArray()));
        Assert.Equal([0, 1], extended.Keys.Order());
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0], extended[0].x);
        Assert.Equal(Enumerable.Range(1, 5).Select(e => (double?)(1.0 / e)), extended[0].y);
        Assert.Equal(Enumerable.Range(1, 5).Select(e => (double?)(0.5 / e)), extended[1].y);
    }

    [Fact]
    public async Task ResetAsync_NewRacers_RedrawsOneEmptyLinePerRacerInTheRaceColours()
    {
        var chart = Render<SeriesChart>(p => p.Add(c => c.Series, ["SGD"]).Add(c => c.Value, m => m.TestLoss));
        chart.Instance.Append(new EpochMetrics(1, 1, 0.5, Series: "SGD"));
        chart.WaitForAssertion(() => Assert.Equal("1", DataPoints(chart)), Patience);

        await chart.InvokeAsync(() => chart.Instance.ResetAsync(["Momentum", "RMSprop", "Adam"]));

        var redraw = Assert.Single(Plotly.CallsTo("react"));
        Assert.Equal(["Momentum", "RMSprop", "Adam"], Enumerable.Range(0, 3).Select(redraw.Name));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Empty(redraw.X(i)));
        Assert.Equal(Enumerable.Range(0, 3).Select(RaceColours.For), redraw.Traces.EnumerateArray().Select(t => t.GetProperty("line").GetProperty("color").GetString()));
        Assert.Equal("0", DataPoints(chart));
    }
}
