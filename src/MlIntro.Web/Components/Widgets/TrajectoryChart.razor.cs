using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Widgets;

/// <summary>An optimizer race: the surface's contour (trace 0) with each racer's path on it, streamed chunk by chunk.</summary>
public sealed partial class TrajectoryChart() : StreamingChart<TrajectoryChunk>("trajectory-chart")
{
    [Parameter, EditorRequired]
    public ISurface Surface { get; set; } = default!;

    /// <summary>Draws the chunks appended so far now (e.g. once a stored race has been read whole).</summary>
    public Task RedrawAsync() => FlushAsync();

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Surface();

    protected override void BuildTraces(List<ITrace> traces)
    {
        var grid = SurfaceGrid.Sample(Surface, 80);
        var axis = Enumerable.Range(0, grid.Resolution).Select(i => (object)grid.Coordinate(i)).ToList();
        var rows = Enumerable.Range(0, grid.Resolution).Select(r => (object)grid.Values.AsSpan(r * grid.Resolution, grid.Resolution).ToArray()).ToList();
        traces.Add(new Plotly.Blazor.Traces.Contour
        {
            X = axis, Y = axis, Z = rows, NContours = 40, ShowScale = false, ColorScale = "Viridis", Name = PlotlyText.Escape(Surface.Name), ShowLegend = false,
        });
    }

    /// <summary>A racer seen for the first time gets its own (empty) line.</summary>
    protected override bool Restructure(IReadOnlyList<TrajectoryChunk> batch)
    {
        var added = false;
        foreach (var racer in batch.SelectMany(chunk => chunk.Series).Where(racer => LineNamed(racer.Name) < 0))
        {
            Traces.Add(ChartLines.Line(racer.Name, LineStyle.Plain));
            added = true;
        }
        return added;
    }

    protected override IEnumerable<TracePoint> Map(TrajectoryChunk point)
    {
        return point.Series.SelectMany(racer =>
        {
            var line = LineNamed(racer.Name);
            return racer.X.Zip(racer.Y, (x, y) => new TracePoint(line, x, y));
        });
    }
}
