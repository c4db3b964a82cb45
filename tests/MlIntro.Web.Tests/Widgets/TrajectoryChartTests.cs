using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class TrajectoryChartTests : ChartTestContext
{
    private static string Racers(IRenderedComponent<TrajectoryChart> chart) => chart.Find(".trajectory-chart").GetAttribute("data-racers")!;

    // The paths step by 0.1, which doubles do not hold exactly.
    private static double[] Rounded(IEnumerable<double> values) => [.. values.Select(v => Math.Round(v, 9))];

    private static TrajectorySeries Path(string name, double start, int steps) =>
        new(name, [.. Enumerable.Range(0, steps).Select(i => start + i * 0.1)], [.. Enumerable.Range(0, steps).Select(i => -start - i * 0.1)], new double[steps]);

    [Fact]
    public async Task RedrawAsync_FirstChunk_DrawsTheSurfaceAndOneLinePerRacerInOneRedraw()
    {
        var chart = Render<TrajectoryChart>(p => p.Add(c => c.Id, "experiment-trajectories").Add(c => c.Surface, LectureSurface.WithF1));
        chart.Instance.Append(new TrajectoryChunk(0, [Path("SGD", 1.0, 3), Path("Adam", -1.0, 3)]));

        await chart.InvokeAsync(chart.Instance.RedrawAsync);

        Assert.Equal("2", Racers(chart));
        var redraw = Assert.Single(Plotly.CallsTo("react"));
        Assert.Equal("contour", redraw.Traces[0].GetProperty("type").GetString());
        Assert.Equal(["SGD", "Adam"], [redraw.Name(1), redraw.Name(2)]);
        Assert.Equal([1.0, 1.1, 1.2], Rounded(redraw.X(1)));
        Assert.Equal([1.0, 0.9, 0.8], Rounded(redraw.Y(2).Select(y => y!.Value)));
        Assert.Empty(Plotly.CallsTo("extendTraces"));
    }

    [Fact]
    public async Task Append_LaterChunkOfKnownRacers_ExtendsTheirLines()
    {
        var chart = Render<TrajectoryChart>(p => p.Add(c => c.Surface, LectureSurface.Plain));
        chart.Instance.Append(new TrajectoryChunk(0, [Path("SGD", 1.0, 2), Path("Adam", -1.0, 2)]));
        await chart.InvokeAsync(chart.Instance.RedrawAsync);

        chart.Instance.Append(new TrajectoryChunk(2, [Path("SGD", 1.2, 2), Path("Adam", -0.8, 2)]));
        chart.WaitForAssertion(() => Assert.Single(Plotly.CallsTo("extendTraces")), Patience);

        var extend = Plotly.CallsTo("extendTraces")[0];
        Assert.Equal([1, 2], extend.ExtendedTraces);
        Assert.Equal([1.2, 1.3], Rounded(extend.ExtendedX[0]));
        Assert.Equal([-0.8, -0.7], Rounded(extend.ExtendedX[1]));
        Assert.Single(Plotly.CallsTo("react"));
    }
}
