using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>One drawn line of the comparison.</summary>
public sealed record ComparedLine(string Name, ComparedSeries Series);

/// <summary>The overlaid curves of the compared runs: a line per model of each run, at most <see cref="MaxLines"/>.</summary>
public static class ComparedLines
{
    /// <summary>
    /// Ten runs of seven models would be 70 lines: beyond this many no one tells the colours or the legend apart, so
    /// the chart draws the first ones (in the table's order) and says how many it left out.
    /// </summary>
    public const int MaxLines = 24;

    /// <summary>Points per line at most: a 10,000-step surface race keeps its shape, the browser stays light.</summary>
    public const int MaxPoints = 400;

    /// <summary>Every line the runs have, in the table's order (drawn or not).</summary>
    public static IReadOnlyList<ComparedLine> All(IReadOnlyList<ComparedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.SelectMany(r => r.Series.Select(s => new ComparedLine(r.LineName(s), s)))];
    }

    /// <summary>The lines the chart draws.</summary>
    public static IReadOnlyList<ComparedLine> Drawn(IReadOnlyList<ComparedRun> runs) => [.. All(runs).Take(MaxLines)];

    /// <summary>Held-out loss solid, training loss (no held-out events) dotted, a surface's loss per step dashed.</summary>
    public static void Draw(List<ITrace> traces, IReadOnlyList<ComparedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(traces);
        var i = 0;
        foreach (var line in Drawn(runs))
        {
            var dash = line.Series.Curve switch
            {
                ComparedCurve.TrainingLoss => "dot",
                ComparedCurve.SurfaceLoss => "dash",
                _ => null,
            };
            var kept = Thin(line.Series.X.Count);
            traces.Add(ChartLines.Line(line.Name, new LineStyle(Colour: RaceColours.For(i++), Width: 1.5m, Dash: dash),
                kept.Select(k => line.Series.X[k]), kept.Select(k => Finite(line.Series.Y[k]))));
        }
    }

    /// <summary>The indices drawn: every k-th point and the last, at most <see cref="MaxPoints"/>.</summary>
    public static IReadOnlyList<int> Thin(int count)
    {
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)MaxPoints));
        return [.. Enumerable.Range(0, count).Where(k => k % step == 0 || k == count - 1)];
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;
}
