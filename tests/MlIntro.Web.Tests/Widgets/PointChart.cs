using Microsoft.AspNetCore.Components.Rendering;
using MlIntro.Web.Components.Widgets;
using Plotly.Blazor;

namespace MlIntro.Web.Tests.Widgets;

/// <summary>The smallest streaming chart: one line, each point an (x, y) pair. It tests the base on its own.</summary>
public sealed class PointChart() : StreamingChart<PointChart.Point>("point-chart")
{
    public sealed record Point(double X, double? Y);

    /// <summary>Starts over; what the widgets' ClearAsync and ResetAsync do with their own state.</summary>
    public Task ClearAsync() => RestartAsync(() => { });

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "point-chart");
        builder.AddAttribute(2, "data-points", Plotted);
        builder.AddContent(3, Plot);
        builder.CloseElement();
    }

    protected override Plotly.Blazor.Layout CreateLayout() => new();

    protected override void BuildTraces(List<ITrace> traces) => traces.Add(ChartLines.Line("points", LineStyle.Plain));

    protected override IEnumerable<TracePoint> Map(Point point) => [new TracePoint(0, point.X, TracePoint.Finite(point.Y))];
}
