using MlIntro.Core.Tuning;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using PlotlyLayout = Plotly.Blazor.Layout;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using XScale = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum;
using YTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>The study's scatter and line charts, as Optuna's visualisations draw them.</summary>
public static class StudyCharts
{
    private const string Complete = "#1f77b4";
    private const string Stopped = "#b0b0b0";
    private const string Best = "#d62728";

    public static PlotlyLayout Layout(string x, string y, bool logX = false) => new()
    {
        Height = 300,
        Margin = new Margin { L = 55, R = 10, T = 10, B = 45 },
        XAxis = [new XAxis { Title = new XTitle { Text = x }, Type = logX ? XScale.Log : XScale.Linear }],
        YAxis = [new YAxis { Title = new YTitle { Text = y } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m }],
    };

    /// <summary>Optimisation history: each trial's objective by trial number, and the best so far.</summary>
    public static void History(List<ITrace> traces, IReadOnlyList<TrialRecord> trials, StudyObjective objective)
    {
        var scored = trials.Where(t => t.Objective is not null).OrderBy(t => t.Number).ToList();
        traces.Add(Markers("complete", scored.Where(t => t.State == TrialState.Complete), t => t.Number, objective, Complete));
        traces.Add(Markers("pruned", scored.Where(t => t.State == TrialState.Pruned), t => t.Number, objective, Stopped));
        var best = new List<double>();
        foreach (var trial in scored.Where(t => t.State == TrialState.Complete))
        {
            var value = trial.Objective!.Value;
            best.Add(best.Count == 0 ? value : objective.Maximises() ? Math.Max(best[^1], value) : Math.Min(best[^1], value));
        }
        traces.Add(ChartLines.Line("best so far", new LineStyle(Colour: Best, Width: 2, Steps: true),
            scored.Where(t => t.State == TrialState.Complete).Select(t => (double)t.Number), best));
    }

    /// <summary>The objective against one parameter (a choice as its index).</summary>
    public static void Against(List<ITrace> traces, IReadOnlyList<TrialRecord> trials, SearchDimension dimension, StudyObjective objective)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        var scored = trials.Where(t => t.Objective is not null && t.Values.ContainsKey(dimension.Name)).ToList();
        traces.Add(Markers("complete", scored.Where(t => t.State == TrialState.Complete), t => t.Values[dimension.Name], objective, Complete));
        traces.Add(Markers("pruned", scored.Where(t => t.State == TrialState.Pruned), t => t.Values[dimension.Name], objective, Stopped));
    }

    /// <summary>Held-out loss per epoch of the chosen trials, one line each.</summary>
    public static void Curves(List<ITrace> traces, IEnumerable<TrialRecord> trials) =>
        Lines(traces, trials.Select(t => ($"trial {t.Number}", (IReadOnlyList<double>)t.ValidationLoss)));

    /// <summary>One line per named curve, epochs from 1 (the runs page overlays runs with it).</summary>
    public static void Lines(List<ITrace> traces, IEnumerable<(string Name, IReadOnlyList<double> Values)> curves)
    {
        var i = 0;
        foreach (var (name, values) in curves)
        {
            traces.Add(ChartLines.Line(name, new LineStyle(Colour: RaceColours.For(i++), Width: 1.5m),
                Enumerable.Range(1, values.Count).Select(e => (double)e), values.Select(Finite)));
        }
    }

    private static Scatter Markers(string name, IEnumerable<TrialRecord> trials, Func<TrialRecord, double> x, StudyObjective objective, string colour)
    {
        var list = trials.ToList();
        return new Scatter
        {
            Name = name,
            Mode = ModeFlag.Markers,
            X = [.. list.Select(t => (object)x(t))],
            Y = [.. list.Select(t => (object)t.Objective!.Value)],
            TextArray = [.. list.Select(t => $"trial {t.Number}: {objective.Label()} {t.Objective:G4}")],
            Marker = new Marker { Color = colour, Size = 8 },
        };
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;
}
