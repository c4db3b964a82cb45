namespace MlIntro.Web.Components.Widgets;

/// <summary>The look of one line: null leaves plotly's default.</summary>
/// <param name="Steps">Held flat until the next point (a histogram's outline).</param>
/// <param name="Filled">Filled down to y = 0.</param>
public sealed record LineStyle(
    string? Colour = null,
    decimal? Width = null,
    string? Dash = null,
    bool Markers = false,
    bool Steps = false,
    bool Filled = false,
    decimal? Opacity = null)
{
    public static readonly LineStyle Plain = new();
}
