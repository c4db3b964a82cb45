using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace MlIntro.Web.Components.Widgets;

/// <summary>
/// The network's output over the input square as a heatmap, optionally with the data points on top. When
/// <see cref="BrowserDrawn"/>, the heatmap is a placeholder that playground-map.js fills from the network's numbers.
/// </summary>
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

    /// <summary>The browser draws the map (mlintro.playground); <see cref="Frame"/> is not used.</summary>
    [Parameter]
    public bool BrowserDrawn { get; set; }

    /// <summary>The input square's range, for the placeholder of a browser-drawn map.</summary>
    [Parameter]
    public (double Min, double Max) Plane { get; set; } = (-6, 6);

    protected override object? DrawnFrom => (Frame?.Epoch ?? -1, Overlays, Range, BrowserDrawn, Plane);

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Square(Size);

    protected override void BuildTraces(List<ITrace> traces)
    {
        if (BrowserDrawn)
        {
            traces.Add(Placeholder(Plane, Range));
        }
        else if (Frame is not null)
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

    /// <summary>Trace 0 for the browser to restyle: the middle colour over the square until the first frame.</summary>
    private static HeatMap Placeholder((double Min, double Max) plane, (double Low, double High) range)
    {
        var mid = (range.Low + range.High) / 2;
        return new HeatMap
        {
            X = [plane.Min, plane.Max],
            Y = [plane.Min, plane.Max],
            Z = [new[] { mid, mid }, new[] { mid, mid }],
            ZMin = (decimal)range.Low,
            ZMax = (decimal)range.High,
            ColorScale = PlaygroundColours,
            ShowScale = false,
        };
    }

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
