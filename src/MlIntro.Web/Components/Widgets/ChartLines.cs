using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.LineLib;

namespace MlIntro.Web.Components.Widgets;

/// <summary>How the widgets' lines and markers look, in one place: every scatter trace of a widget is made here.</summary>
public static class ChartLines
{
    /// <summary>A line through (x, y); without points, an empty line to stream into.</summary>
    public static Scatter Line(string name, LineStyle style, IEnumerable<double>? x = null, IEnumerable<double>? y = null)
    {
        ArgumentNullException.ThrowIfNull(style);
        return new Scatter
        {
            Name = PlotlyText.Escape(name),
            Mode = style.Markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
            X = x?.Cast<object>().ToList() ?? [],
            Y = y?.Cast<object>().ToList() ?? [],
            Line = new Line { Color = style.Colour, Width = style.Width, Dash = style.Dash, Shape = style.Steps ? ShapeEnum.Hv : null },
            Fill = style.Filled ? FillEnum.ToZeroY : null,
            Opacity = style.Opacity,
        };
    }

    /// <summary>A single marked point (a dot unless <paramref name="symbol"/> says otherwise).</summary>
    public static Scatter Point(string name, double x, double y, string colour, Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum? symbol = null) => new()
    {
        Name = PlotlyText.Escape(name),
        Mode = ModeFlag.Markers,
        X = [x],
        Y = [y],
        Marker = new Marker { Size = 12, Color = colour, Symbol = symbol },
    };

    /// <summary>A solid line whose gap to the trace before it is shaded in its colour (e.g. held-out loss above training loss).</summary>
    public static Scatter Gap(string name, string colour) => new()
    {
        Name = PlotlyText.Escape(name),
        Mode = ModeFlag.Lines,
        X = [],
        Y = [],
        Line = new Line { Color = colour, Width = 2 },
        Fill = FillEnum.ToNextY,
        FillColor = colour + "26",
    };
}
