using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// Why a dropout network's training loss sits above its held-out loss: during training half its units are switched off
/// (the running mean over the epoch's batches), when it is judged they all work (the same training events measured again
/// after the epoch with dropout off).
/// </summary>
public sealed partial class DropoutChart() : StreamingChart<EpochMetrics>("dropout-chart")
{
    /// <summary>The ladder's model with dropout whose curves are drawn.</summary>
    [Parameter, EditorRequired]
    public string Model { get; set; } = "";

    public Task ClearAsync() => RestartAsync(() => { });

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Epochs($"{Model}: training loss with dropout on and off", 300);

    protected override void BuildTraces(List<ITrace> traces)
    {
        traces.Add(ChartLines.Line("training, dropout on (as trained)", new LineStyle(Colour: "#d62728", Dash: "dash")));
        traces.Add(ChartLines.Line("training, dropout off (as judged)", new LineStyle(Colour: "#2ca02c")));
        traces.Add(ChartLines.Line("held-out", new LineStyle(Colour: "#1f77b4", Width: 2)));
    }

    protected override IEnumerable<TracePoint> Map(EpochMetrics point)
    {
        if (point.Series != Model)
        {
            yield break;
        }
        yield return new TracePoint(0, point.Epoch, TracePoint.Finite(point.TrainLoss));
        yield return new TracePoint(1, point.Epoch, TracePoint.Finite(point.TrainLossWithoutDropout));
        yield return new TracePoint(2, point.Epoch, TracePoint.Finite(point.TestLoss));
    }
}
