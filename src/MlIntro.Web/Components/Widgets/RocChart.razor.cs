using System.Globalization;
using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Core.Metrics;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Widgets;

/// <summary>
/// ROC curves in either convention: textbook (false-positive rate against true-positive rate, both linear) or the HEP
/// style of the lecture's jet plot (signal efficiency on x, background efficiency on a log y axis from 1e-3 to 1).
/// </summary>
public sealed partial class RocChart() : PlotlyWidget("roc-chart")
{
    /// <summary>Lowest background efficiency shown in the HEP view (the lecture's plot starts at 1e-3).</summary>
    public const double LogFloor = 1e-3;

    private static readonly LineStyle CurveStyle = new(Width: 2);

    [Parameter]
    public IReadOnlyList<RocCurve>? Curves { get; set; }

    /// <summary>HEP convention: x = ε_S, y = ε_B on a log axis.</summary>
    [Parameter]
    public bool Hep { get; set; }

    /// <summary>The threshold slider's point, drawn as a marker.</summary>
    [Parameter]
    public RocPoint? OperatingPoint { get; set; }

    /// <summary>Appended to each curve's label in its legend, e.g. " tagger".</summary>
    [Parameter]
    public string LegendSuffix { get; set; } = "";

    [Parameter]
    public int Height { get; set; } = 380;

    public string LegendOf(RocCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return string.Create(CultureInfo.InvariantCulture, $"{curve.Label}{LegendSuffix}, AUC = {curve.Auc * 100:F1}%");
    }

    protected override object? DrawnFrom => (Curves, Hep, OperatingPoint);

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Roc(Hep, Height, LogFloor);

    protected override void BuildTraces(List<ITrace> traces)
    {
        if (!Hep)
        {
            traces.Add(ChartLines.Line("random guess", new LineStyle(Width: 1, Dash: "dash"), [0.0, 1.0], [0.0, 1.0]));
        }
        foreach (var curve in Curves ?? [])
        {
            traces.Add(Hep
                ? ChartLines.Line(LegendOf(curve), CurveStyle, curve.SignalEfficiency, curve.BackgroundEfficiency.Select(b => Math.Max(b, LogFloor / 10)))
                : ChartLines.Line(LegendOf(curve), CurveStyle, curve.BackgroundEfficiency, curve.SignalEfficiency));
        }
        if (OperatingPoint is { } p)
        {
            var (x, y) = Hep ? (p.SignalEfficiency, Math.Max(p.BackgroundEfficiency, LogFloor / 10)) : (p.BackgroundEfficiency, p.SignalEfficiency);
            traces.Add(ChartLines.Point("operating point", x, y, "#d62728"));
        }
    }
}
