namespace MlIntro.Web.Components.Widgets;

/// <summary>One point a streaming chart adds to one of its traces (by index in the chart's trace list).</summary>
/// <param name="Y">Null leaves a gap in the line.</param>
public readonly record struct TracePoint(int Trace, object X, object? Y)
{
    /// <summary>
    /// A value as plotly gets it: null (a gap) when there is none or it is not finite, since JSON has no NaN and
    /// the JS interop refuses to send one.
    /// </summary>
    public static object? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
