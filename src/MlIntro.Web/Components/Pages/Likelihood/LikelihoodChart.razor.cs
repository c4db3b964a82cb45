using Microsoft.AspNetCore.Components;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces.ScatterLib;
using PlotlyLayout = Plotly.Blazor.Layout;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using YScale = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum;
using XScale = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum;
using YTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>
/// The likelihood lesson's static charts, drawn from a <see cref="PlotSpec"/> the page builds from a frame
/// (<see cref="LikelihoodPlots"/>): lines, markers with error bars, and an optional ratio panel below the main one.
/// </summary>
public sealed partial class LikelihoodChart() : PlotlyWidget("likelihood-chart")
{
    [Parameter]
    public PlotSpec? Spec { get; set; }

    protected override object? DrawnFrom => Spec;

    protected override PlotlyLayout CreateLayout()
    {
        var spec = Spec ?? new PlotSpec("", "", []);
        var ratio = spec.RatioTitle is not null;
        var layout = new PlotlyLayout
        {
            Height = spec.Height,
            Margin = new Margin { L = 60, R = 10, T = 10, B = 50 },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.3m }],
            XAxis = [new XAxis { Title = new XTitle { Text = spec.XTitle }, Type = spec.LogX ? XScale.Log : XScale.Linear }],
            YAxis =
            [
                new YAxis { Title = new YTitle { Text = spec.YTitle }, Type = spec.LogY ? YScale.Log : YScale.Linear, Domain = ratio ? [0.36, 1.0] : null },
            ],
        };
        if (ratio)
        {
            layout.YAxis.Add(new YAxis { Title = new YTitle { Text = spec.RatioTitle }, Domain = [0.0, 0.28], Anchor = "x", Range = [0.5, 1.5] });
        }
        return layout;
    }

    protected override void BuildTraces(List<ITrace> traces)
    {
        foreach (var series in Spec?.Series ?? [])
        {
            var trace = ChartLines.Line(series.Name, series.Style, series.X, series.Y);
            if (series.MarkersOnly || series.Errors is not null)
            {
                trace.Mode = ModeFlag.Markers;
                trace.Marker = new Marker { Size = 5, Color = series.Style.Colour };
            }
            if (series.Errors is { } errors)
            {
                trace.ErrorY = new ErrorY { Array = [.. errors.Cast<object>()], Visible = true, Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Color = series.Style.Colour };
            }
            if (series.InRatioPanel)
            {
                trace.YAxis = "y2";
                trace.ShowLegend = false;
            }
            traces.Add(trace);
        }
    }
}
