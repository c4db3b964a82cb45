using Microsoft.AspNetCore.Components;
using MlIntro.Core.Tracking;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Pages.Tuning;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>Resource curves of one run (<c>/e/{id}</c>) or of the compared runs (<c>/runs</c>).</summary>
public sealed partial class UsageCharts
{
    /// <summary>Points drawn per run at most: a long run's curve keeps its shape, the browser stays light.</summary>
    public const int MaxPoints = 400;

    [Parameter, EditorRequired]
    public IReadOnlyList<(string Name, IReadOnlyList<RunUsage> Points)> Runs { get; set; } = [];

    /// <summary>A new key redraws the charts.</summary>
    [Parameter]
    public object? Key { get; set; }

    [Parameter]
    public string IdPrefix { get; set; } = "usage";

    private static Plotly.Blazor.Layout SamplesLayout() => StudyCharts.Layout("wall time (s)", "training events / s");

    private static Plotly.Blazor.Layout CpuLayout() => StudyCharts.Layout("wall time (s)", "process CPU share");

    private static Plotly.Blazor.Layout GpuLayout() => StudyCharts.Layout("wall time (s)", "GPU utilisation (%)");

    private static Plotly.Blazor.Layout GpuMemoryLayout() => StudyCharts.Layout("wall time (s)", "GPU memory in use (MiB)");

    /// <summary>Runs measured without a count of their events (likelihood runs, studies).</summary>
    private List<string> Uncounted => [.. Runs.Where(r => r.Points.Count > 0 && r.Points.All(p => p.SamplesPerSecond is null)).Select(r => r.Name)];

    /// <summary>Runs with no measurement at all (surface races).</summary>
    private List<string> Unmeasured => [.. Runs.Where(r => r.Points.Count == 0).Select(r => r.Name)];

    private bool HasGpu => Runs.Any(r => r.Points.Any(p => p.GpuUtilizationPercent is not null));

    private void DrawSamples(List<ITrace> traces) => Draw(traces, p => p.SamplesPerSecond);

    private void DrawGpu(List<ITrace> traces) => Draw(traces, p => p.GpuUtilizationPercent);

    private void DrawGpuMemory(List<ITrace> traces) => Draw(traces, p => p.GpuMemoryMiB);

    private void DrawCpu(List<ITrace> traces) => Draw(traces, p => p.CpuShare);

    private void Draw(List<ITrace> traces, Func<RunUsage, double?> value)
    {
        var i = 0;
        foreach (var (name, points) in Runs)
        {
            var drawn = Thin(points.Where(p => value(p) is not null).ToList());
            traces.Add(ChartLines.Line(name, new LineStyle(Colour: RaceColours.For(i++), Width: 1.5m),
                drawn.Select(p => p.WallSeconds), drawn.Select(p => value(p)!.Value)));
        }
    }

    /// <summary>Every k-th point (and the last), at most <see cref="MaxPoints"/>.</summary>
    public static IReadOnlyList<RunUsage> Thin(IReadOnlyList<RunUsage> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count <= MaxPoints)
        {
            return points;
        }
        var step = (int)Math.Ceiling(points.Count / (double)MaxPoints);
        return [.. points.Where((_, i) => i % step == 0 || i == points.Count - 1)];
    }
}
