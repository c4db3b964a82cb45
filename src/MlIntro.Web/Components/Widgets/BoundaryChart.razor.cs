using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace MlIntro.Web.Components.Widgets;

/// <summary>The network's output over the input square as a heatmap, optionally with the data points on top.</summary>
public sealed partial class BoundaryChart() : PlotlyWidget("boundary-chart")
{
    [Parameter]
    public BoundaryFrame? Frame { get; set; }

    /// <summary>Points drawn on top: (x1, x2, class or value) per point.</summary>
    [Parameter]
    public IReadOnlyList<ITrace>? Overlays { get; set; }

    [Parameter]
    public int Size { get; set; } = 380;

    /// <summary>Values mapped to the two ends of the colour scale: (0, 1) for probabilities, (-1, 1) for regression.</summary>
    [Parameter]
    public (double Low, double High) Range { get; set; } = (0, 1);

    protected override object? DrawnFrom => (Frame?.Epoch ?? -1, Overlays, Range);

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Square(Size);

    protected override void BuildTraces(List<ITrace> traces)
    {
        if (Frame is not null)
        {
            traces.Add(HeatmapOf(Frame, Range));
        }
        if (Overlays is not null)
        {
            traces.AddRange(Overlays);
        }
    }

    /// <summary>TensorFlow Playground's scale: orange for the low end (class 0), white in the middle, blue for the high end (class 1).</summary>
    private static readonly object[] PlaygroundColours = [new object[] { 0, "#f59322" }, new object[] { 0.5, "#e8eaeb" }, new object[] { 1, "#0877bd" }];

    /// <summary>Rows of the frame as Plotly's z, with axis coordinates at cell centres.</summary>
    public static HeatMap HeatmapOf(BoundaryFrame frame, (double Low, double High) range)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var n = frame.Resolution;
        var axis = Enumerable.Range(0, n).Select(i => (object)(frame.Min + (frame.Max - frame.Min) * (i + 0.5) / n)).ToList();
        var rows = Enumerable.Range(0, n).Select(r => (object)frame.Output.AsSpan(r * n, n).ToArray()).ToList();
        return new HeatMap
        {
            X = axis,
            Y = axis,
            Z = rows,
            ZMin = (decimal)range.Low,
            ZMax = (decimal)range.High,
            ColorScale = PlaygroundColours,
            ShowScale = false,
        };
    }
}
