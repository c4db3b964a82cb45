namespace MlIntro.Web.Components.Widgets;

/// <summary>
/// Plotly draws a subset of HTML in trace names, titles, tick labels and hover labels (<c>&lt;a href&gt;</c> becomes a
/// real link, <c>&lt;br&gt;</c> a line break). Every string a user chose (a racer's name, an upload's class names, a
/// formula) goes through <see cref="Escape"/> before Plotly sees it, and is shown as the text it is.
/// </summary>
public static class PlotlyText
{
    /// <summary>Plotly's own entities for the three characters its markup is made of; it turns them back into text.</summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
