using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using YTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>Each model's latest weight histogram (log10|w| along x), overlaid, with the 10⁻³ line the lesson counts below.</summary>
public sealed partial class WeightHistogramChart() : PlotlyWidget("weight-histogram")
{
    /// <summary>The latest histogram of each model, in legend order.</summary>
    [Parameter]
    public IReadOnlyList<WeightHistogram> Histograms { get; set; } = [];

    protected override object? DrawnFrom => string.Join(",", Histograms.Select(h => $"{h.Series}@{h.Epoch}"));

    protected override Plotly.Blazor.Layout CreateLayout() => new()
    {
        Height = 300,
        BarMode = BarModeEnum.Overlay,
        Margin = new Margin { L = 55, R = 10, T = 30, B = 45 },
        XAxis = [new XAxis { Title = new XTitle { Text = "log₁₀ |w| (weights of every layer, not the biases)" } }],
        YAxis = [new YAxis { Title = new YTitle { Text = "weights" } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m }],
    };

    protected override void BuildTraces(List<ITrace> traces)
    {
        var top = 1L;
        for (var i = 0; i < Histograms.Count; i++)
        {
            var h = Histograms[i];
            var centres = h.Edges.Take(h.Counts.Length).Select(e => (object)(e + ((h.Edges[1] - h.Edges[0]) / 2))).ToList();
            traces.Add(new Bar
            {
                Name = PlotlyText.Escape($"{h.Series} (epoch {h.Epoch}: {h.ShareBelow:P0} below 10⁻³)"),
                X = centres,
                Y = h.Counts.Select(c => (object)c).ToList(),
                Opacity = 0.6m,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = RaceColours.For(i + 3) },
            });
            top = Math.Max(top, h.Counts.Max());
        }
        if (Histograms.Count > 0)
        {
            var line = Math.Log10(Histograms[0].Threshold);
            traces.Add(ChartLines.Line("|w| = 10⁻³", new LineStyle(Colour: "#444", Dash: "dot"), [line, line], [0, top]));
        }
    }
}
