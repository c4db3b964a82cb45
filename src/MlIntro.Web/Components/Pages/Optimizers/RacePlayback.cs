using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>
/// A finished race as optimizers.js plays it: per racer the positions, losses and distances to the global minimum
/// (null when the surface has none in view), and the chart ids it animates. Non-finite numbers become null (JSON has no NaN).
/// </summary>
/// <param name="DivergedAt">
/// Per racer, the first step at which it left the plotted domain or its position or loss stopped being finite (or the
/// race itself stopped it); null while it stays on the picture. The animation marks the racer from that step on.
/// </param>
/// <param name="Names">The racers' names, so the animation can append "diverged at step N" and take it back.</param>
/// <param name="Legends">The same names escaped for Plotly (<see cref="Widgets.PlotlyText"/>): what the legends show.</param>
public sealed record RacePlayback(
    RaceChartIds Charts,
    double?[][] Xs,
    double?[][] Ys,
    double?[][] Losses,
    double?[][]? Dists,
    int Steps,
    int?[]? DivergedAt = null,
    IReadOnlyList<string>? Names = null,
    IReadOnlyList<string>? Legends = null)
{
    public static RacePlayback From(IReadOnlyList<TrajectoryChunk> chunks, ISurface surface, int steps)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(surface);
        var ordered = chunks.OrderBy(c => c.FirstStep).ToList();
        var racers = ordered[0].Series.Count;
        double[] Join(int r, Func<TrajectorySeries, double[]> pick) => [.. ordered.SelectMany(c => pick(c.Series[r]))];
        var xs = Enumerable.Range(0, racers).Select(r => Join(r, s => s.X)).ToArray();
        var ys = Enumerable.Range(0, racers).Select(r => Join(r, s => s.Y)).ToArray();
        var losses = Enumerable.Range(0, racers).Select(r => Join(r, s => s.Loss)).ToArray();
        double?[][]? dists = surface.GlobalMinimum is { } m
            ? [.. xs.Zip(ys, (x, y) => x.Zip(y, (a, b) => Finite(Math.Sqrt(((a - m.X) * (a - m.X)) + ((b - m.Y) * (b - m.Y))))).ToArray())]
            : null;
        var last = Math.Min(steps, xs[0].Length - 1);
        var diverged = Enumerable.Range(0, racers)
            .Select(r => Divergence(xs[r], ys[r], losses[r], surface.Domain, ordered[^1].Series[r].DivergedAtStep, last))
            .ToArray();
        var names = ordered[0].Series.Select(s => s.Name).ToArray();
        return new RacePlayback(RaceChartIds.Default, [.. xs.Select(Finite)], [.. ys.Select(Finite)], [.. losses.Select(Finite)], dists, last, diverged, names, [.. names.Select(Widgets.PlotlyText.Escape)]);
    }

    /// <summary>
    /// The earlier of the first step off the picture and the step the race reported (it only stops a racer far outside
    /// the view, at 1000× its width); null when neither falls within the steps played back.
    /// </summary>
    private static int? Divergence(double[] x, double[] y, double[] loss, SurfaceDomain domain, int? reported, int last)
    {
        for (var k = 0; k <= last && k < x.Length; k++)
        {
            if (k == reported || !double.IsFinite(x[k]) || !double.IsFinite(y[k]) || !double.IsFinite(loss[k]) || !domain.Contains(x[k], y[k]))
            {
                return k;
            }
        }
        return null;
    }

    private static double?[] Finite(double[] values) => [.. values.Select(Finite)];

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>Element ids the animation draws into (see SurfaceCharts and StepCharts).</summary>
/// <param name="Diverged">Where the animation lists the racers that left the picture, with a <c>data-diverged</c> step each.</param>
public sealed record RaceChartIds(string Contour, string Surface, string Loss, string Distance, string Step, string Playing, string? Diverged = null)
{
    public static RaceChartIds Default { get; } = new(
        "optimizers-contour", "optimizers-surface", "optimizers-loss", "optimizers-distance", "optimizers-step", "optimizers-step", "optimizers-diverged");
}
