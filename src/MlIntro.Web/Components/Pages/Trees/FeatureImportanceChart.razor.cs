using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using PlotlyLayout = Plotly.Blazor.Layout;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;

namespace MlIntro.Web.Components.Pages.Trees;

/// <summary>Each feature's share of the trees' total split gain as horizontal bars, the largest on top, with the data set's feature names.</summary>
public sealed partial class FeatureImportanceChart() : PlotlyWidget("feature-importance")
{
    [Parameter]
    public IReadOnlyList<FeatureGain>? Importance { get; set; }

    protected override object? DrawnFrom => Importance;

    protected override PlotlyLayout CreateLayout() => new()
    {
        // A bar per feature: 28 HIGGS features need about 14 px each.
        Height = Math.Max(220, 60 + 16 * (Importance?.Count ?? 0)),
        Margin = new Margin { L = 110, R = 10, T = 10, B = 45 },
        XAxis = [new XAxis { Title = new XTitle { Text = "share of the total split gain" } }],
        YAxis = [new YAxis { AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True }],
        ShowLegend = false,
    };

    protected override void BuildTraces(List<ITrace> traces)
    {
        // Plotly draws the first category at the bottom: ascending order puts the largest gain on top.
        var sorted = (Importance ?? []).OrderBy(f => f.Gain).ToList();
        traces.Add(new Bar
        {
            Name = "gain",
            X = [.. sorted.Select(f => (object)f.Share)],
            Y = [.. sorted.Select(f => (object)PlotlyText.Escape(f.Feature))],
            Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#2ca02c" },
        });
    }
}
