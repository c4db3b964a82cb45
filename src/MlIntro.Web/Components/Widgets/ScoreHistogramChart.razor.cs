using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Widgets;

/// <summary>The classifier's score distribution for each true class as step histograms, with the cut as a vertical line.</summary>
public sealed partial class ScoreHistogramChart() : PlotlyWidget("score-histogram")
{
    private static readonly string[] Colours = ["#f59322", "#0877bd"];
    private static readonly LineStyle ThresholdStyle = new(Colour: "#d62728", Width: 2, Dash: "dash");

    [Parameter]
    public IReadOnlyList<ScoreHistogram>? Histograms { get; set; }

    [Parameter]
    public double Threshold { get; set; } = 0.5;

    [Parameter]
    public bool LogScale { get; set; }

    protected override Plotly.Blazor.Layout CreateLayout() => ChartLayouts.Scores(LogScale);

    protected override object? DrawnFrom => (Histograms, Threshold, LogScale);

    protected override void BuildTraces(List<ITrace> traces)
    {
        var top = 1.0;
        for (var h = 0; h < (Histograms?.Count ?? 0); h++)
        {
            var histogram = Histograms![h];
            // A step line through the bin edges: y of bin i held from Edges[i] to Edges[i+1], the last bin's y
            // repeated at the closing edge.
            var x = histogram.Edges.Take(histogram.Counts.Length + 1);
            var y = histogram.Counts.Append(histogram.Counts[^1]);
            top = Math.Max(top, histogram.Counts.Max());
            var style = new LineStyle(Colour: Colours[h % Colours.Length], Width: 2, Steps: true, Filled: true, Opacity: 0.8m);
            traces.Add(ChartLines.Line(histogram.Label, style, x, y));
        }
        traces.Add(ChartLines.Line("threshold", ThresholdStyle, [Threshold, Threshold], [LogScale ? 0.5 : 0, top * 1.05]));
    }
}
