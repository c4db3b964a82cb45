using MlIntro.Core.Experiments;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Widgets;

/// <summary>
/// A quantity per epoch on the training set and on the held-out set: the test set, or the validation set when the
/// run keeps one (its first point says which, and the second line is named after it).
/// </summary>
public abstract class TrainAndHeldOutChart(string defaultId, EpochQuantity quantity) : StreamingChart<EpochMetrics>(defaultId)
{
    private bool _usesValidation;

    /// <summary>Starts over with empty lines (a reset, or a new run).</summary>
    public Task ClearAsync() => RestartAsync(() => _usesValidation = false);

    protected virtual LineStyle Style => LineStyle.Plain;

    protected override void BuildTraces(List<ITrace> traces)
    {
        traces.Add(ChartLines.Line($"training {quantity.Name}", Style));
        traces.Add(ChartLines.Line($"{(_usesValidation ? "validation" : "test")} {quantity.Name}", Style));
    }

    protected override bool Restructure(IReadOnlyList<EpochMetrics> batch)
    {
        var usesValidation = quantity.Validation(batch[0]) is not null;
        if (Plotted > 0 || usesValidation == _usesValidation)
        {
            return false;
        }
        _usesValidation = usesValidation;
        RebuildTraces();
        return true;
    }

    protected override IEnumerable<TracePoint> Map(EpochMetrics point)
    {
        yield return new TracePoint(0, point.Epoch, TracePoint.Finite(quantity.Train(point)));
        yield return new TracePoint(1, point.Epoch, TracePoint.Finite(quantity.Validation(point) ?? quantity.Test(point)));
    }
}
