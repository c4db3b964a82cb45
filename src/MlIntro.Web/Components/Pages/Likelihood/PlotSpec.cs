using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>One line or set of markers of a <see cref="LikelihoodChart"/>.</summary>
/// <param name="Errors">Symmetric error bars (drawn with markers).</param>
/// <param name="InRatioPanel">Drawn in the lower panel (a ratio to the target) instead of the main one.</param>
public sealed record PlotSeries(string Name, double[] X, double[] Y, LineStyle Style, double[]? Errors = null, bool InRatioPanel = false, bool MarkersOnly = false);

/// <summary>What a <see cref="LikelihoodChart"/> draws: its series, axis titles and scales, and the ratio panel's title when it has one.</summary>
public sealed record PlotSpec(string XTitle, string YTitle, IReadOnlyList<PlotSeries> Series, bool LogY = false, string? RatioTitle = null, int Height = 320, bool LogX = false);
