using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// Some models of a capacity ladder on one chart, as TensorFlow's "Overfit and underfit" tutorial draws them: per model
/// its training loss, its held-out loss with the gap between them shaded, a dot on its best held-out epoch, which moves
/// while the model still improves, and a cross where early stopping stopped it (it then went back to the dot's weights).
/// </summary>
public sealed partial class LadderChart() : StreamingChart<EpochMetrics>("ladder-chart")
{
    private const int TracesPerModel = 4;
    private readonly Dictionary<string, (int Epoch, double Loss)> _best = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Epoch, double Loss)> _stopped = new(StringComparer.Ordinal);

    [Parameter]
    public string Title { get; set; } = "";

    /// <summary>The models drawn, in legend order; other series of the run are ignored.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<string> Models { get; set; } = [];

    /// <summary>Colour index of each model, so that a model keeps its colour on every chart of the lesson.</summary>
    [Parameter]
    public Func<string, int> ColourOf { get; set; } = _ => 0;

    /// <summary>Starts over, empty (a new run).</summary>
    public Task ClearAsync() => RestartAsync(() =>
    {
        _best.Clear();
        _stopped.Clear();
    });

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Epochs(Title, 340);

    protected override void BuildTraces(List<ITrace> traces)
    {
        foreach (var model in Models)
        {
            var colour = RaceColours.For(ColourOf(model));
            // One legend entry per model (its held-out line), which shows and hides the model's three traces together.
            var training = ChartLines.Line($"{model} training", new LineStyle(Colour: colour, Width: 1.5m, Dash: "dash"));
            var heldOut = ChartLines.Gap(model, colour);
            (training.ShowLegend, training.LegendGroup, heldOut.LegendGroup) = (false, model, model);
            traces.Add(training);
            traces.Add(heldOut);
            var marker = _best.TryGetValue(model, out var best)
                ? ChartLines.Point($"{model} best epoch", best.Epoch, best.Loss, colour)
                : ChartLines.Line($"{model} best epoch", new LineStyle(Colour: colour, Markers: true));
            (marker.ShowLegend, marker.LegendGroup) = (false, model);
            traces.Add(marker);
            var stop = _stopped.TryGetValue(model, out var stopped)
                ? ChartLines.Point($"{model} early stop", stopped.Epoch, stopped.Loss, colour, Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.X)
                : ChartLines.Line($"{model} early stop", new LineStyle(Colour: colour, Markers: true));
            (stop.ShowLegend, stop.LegendGroup) = (false, model);
            traces.Add(stop);
        }
    }

    /// <summary>A model whose held-out loss reached a new low moves its dot, one that early stopping ended gets its cross: the chart is then drawn anew.</summary>
    protected override bool Restructure(IReadOnlyList<EpochMetrics> batch)
    {
        var moved = false;
        foreach (var point in batch)
        {
            if (point.TestLoss is { } loss && double.IsFinite(loss) && IndexOf(point.Series) >= 0
                && (!_best.TryGetValue(point.Series, out var best) || loss < best.Loss))
            {
                _best[point.Series] = (point.Epoch, loss);
                moved = true;
            }
            if (point is { RestoredEpoch: not null, TestLoss: { } stoppedLoss } && IndexOf(point.Series) >= 0 && double.IsFinite(stoppedLoss))
            {
                _stopped[point.Series] = (point.Epoch, stoppedLoss);
                moved = true;
            }
        }
        if (moved)
        {
            // Rebuilt traces start empty: keep the drawn points and add the new ones, which the redraw then shows.
            var drawn = Traces.ToList();
            RebuildTraces();
            for (var i = 0; i < Traces.Count; i++)
            {
                // The two lines keep their points; the markers are rebuilt from _best and _stopped.
                if (i % TracesPerModel < 2 && drawn[i] is Scatter old && Traces[i] is Scatter fresh)
                {
                    (fresh.X, fresh.Y) = (old.X, old.Y);
                }
            }
        }
        return moved;
    }

    protected override IEnumerable<TracePoint> Map(EpochMetrics point)
    {
        var model = IndexOf(point.Series);
        if (model >= 0)
        {
            yield return new TracePoint(model * TracesPerModel, point.Epoch, TracePoint.Finite(point.TrainLoss));
            yield return new TracePoint((model * TracesPerModel) + 1, point.Epoch, TracePoint.Finite(point.TestLoss));
        }
    }

    private int IndexOf(string series)
    {
        for (var i = 0; i < Models.Count; i++)
        {
            if (Models[i] == series)
            {
                return i;
            }
        }
        return -1;
    }
}
