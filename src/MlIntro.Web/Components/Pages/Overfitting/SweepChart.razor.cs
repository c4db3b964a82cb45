using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using XScale = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum;
using YTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>The capacity sweep's picture: one point per network, training and held-out loss against its parameters.</summary>
public sealed partial class SweepChart() : PlotlyWidget("sweep-chart")
{
    /// <summary>Each network's latest epoch, by width.</summary>
    [Parameter]
    public IReadOnlyDictionary<int, EpochMetrics> Latest { get; set; } = new Dictionary<int, EpochMetrics>();

    protected override object? DrawnFrom => string.Join(",", Latest.Select(p => $"{p.Key}@{p.Value.Epoch}"));

    protected override Plotly.Blazor.Layout CreateLayout() => new()
    {
        Height = 320,
        Margin = new Margin { L = 55, R = 10, T = 30, B = 45 },
        XAxis = [new XAxis { Type = XScale.Log, Title = new XTitle { Text = "parameters (weights and biases)" } }],
        YAxis = [new YAxis { Title = new YTitle { Text = "binary cross-entropy" } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m }],
    };

    protected override void BuildTraces(List<ITrace> traces)
    {
        var points = Latest.OrderBy(p => p.Key).ToList();
        var x = points.Select(p => (double)SweepSettings.Parameters(p.Key)).ToList();
        traces.Add(ChartLines.Line("training (latest epoch)", new LineStyle(Colour: "#ff7f0e", Dash: "dash", Markers: true), x, points.Select(p => p.Value.TrainLoss)));
        traces.Add(ChartLines.Line("held-out (latest epoch)", new LineStyle(Colour: "#1f77b4", Width: 2, Markers: true), x, points.Select(p => p.Value.TestLoss ?? double.NaN)));
    }
}
