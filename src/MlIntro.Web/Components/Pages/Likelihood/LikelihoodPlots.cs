using System.Globalization;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>Turns the parts of a <see cref="LikelihoodFrame"/> into what the lesson's charts draw.</summary>
public static class LikelihoodPlots
{
    public const string ExactColour = "#222222";
    public const string LearnedColour = "#1f77b4";
    public const string CalibratedColour = "#ff7f0e";
    public const string SourceColour = "#7f7f7f";
    public const string TargetColour = "#2ca02c";

    private static readonly LineStyle Exact = new(ExactColour, 2);
    private static readonly LineStyle Learned = new(LearnedColour, 2);
    private static readonly LineStyle Band = new(LearnedColour, 1, "dot");
    private static readonly LineStyle Calibrated = new(CalibratedColour, 2, "dash");
    private static readonly LineStyle Diagonal = new("#999999", 1, "dash");

    /// <summary>r̂ against r along the line, on a log axis (the ensemble's band as dotted lines when it has more than one member).</summary>
    public static PlotSpec Ratio(RatioCurve curve, int members)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var series = new List<PlotSeries>
        {
            new("exact r = p1/p0", curve.X, Exp(curve.Exact), Exact),
            new(members > 1 ? $"learned r̂ (mean of {members})" : "learned r̂ = s/(1−s)·N0/N1", curve.X, Exp(curve.Learned), Learned),
        };
        if (members > 1)
        {
            series.Add(new("mean ± 1σ of the ensemble", curve.X, Exp(curve.High), Band));
            series.Add(new("mean − 1σ", curve.X, Exp(curve.Low), Band));
        }
        if (curve.Calibrated is { } calibrated)
        {
            series.Add(new("calibrated r̂", curve.X, Exp(calibrated), Calibrated));
        }
        return new PlotSpec(curve.Line, "r(x) (log scale)", series, LogY: true);
    }

    /// <summary>Exact against learned r of held-out events (data without a line), log–log with the diagonal.</summary>
    public static PlotSpec RatioScatter(RatioPoints points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var exact = Exp(points.Exact);
        var range = new[] { exact.Min(), exact.Max() };
        return new PlotSpec("exact r of the event", "learned r̂", [
            new("r̂ = r", range, range, Diagonal),
            new("held-out events", exact, Exp(points.Learned), Learned, MarkersOnly: true),
        ], LogY: true, LogX: true);
    }

    /// <summary>Predicted s against the observed share of class 1 per bin, before and after calibration.</summary>
    public static PlotSpec Reliability(CalibrationResult calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new PlotSpec("predicted s (mean in the bin)", "observed share of p1 events", [
            new("perfect calibration", [0.0, 1.0], [0.0, 1.0], Diagonal),
            new("classifier", [.. calibration.Raw.Select(b => b.Predicted)], [.. calibration.Raw.Select(b => b.Observed)], Learned with { Markers = true }),
            new("after histogram calibration", [.. calibration.Calibrated.Select(b => b.Predicted)], [.. calibration.Calibrated.Select(b => b.Observed)], Calibrated with { Markers = true }),
        ], Height: 300);
    }

    /// <summary>−2 ln Λ(γ) from the exact and from the learned ratio, with the line at 1 that marks the 68 % interval.</summary>
    public static PlotSpec Gamma(GammaResult gamma)
    {
        ArgumentNullException.ThrowIfNull(gamma);
        var ends = new[] { gamma.Exact.Gamma[0], gamma.Exact.Gamma[^1] };
        return new PlotSpec("γ (share of the bump)", "−2 ln Λ(γ)", [
            new("exact ratio", gamma.Exact.Gamma, gamma.Exact.MinusTwoLogLambda, Exact),
            new("learned ratio", gamma.Learned.Gamma, gamma.Learned.MinusTwoLogLambda, Learned),
            new("68 % (−2 ln Λ = 1)", ends, [1.0, 1.0], Diagonal),
            new($"true γ = {Number(gamma.TrueGamma)}", [gamma.TrueGamma, gamma.TrueGamma], [0.0, 4.0], new LineStyle(TargetColour, 1, "dash")),
        ], Height: 300);
    }

    /// <summary>One feature: source, reweighted source and target, with the ratio to the target below.</summary>
    public static PlotSpec Feature(FeatureComparison feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var centres = Centres(feature.Edges);
        return new PlotSpec(feature.Name, "events (normalised to the target)", [
            new("source (p0)", centres, feature.Source, new LineStyle(SourceColour, 1.5m, Steps: true)),
            new("target (p1)", centres, feature.Target, new LineStyle(TargetColour, 2, Steps: true)),
            new("reweighted source", centres, feature.Reweighted, new LineStyle(LearnedColour), feature.ReweightedErrors),
            new("source / target", centres, Divide(feature.Source, feature.Target), new LineStyle(SourceColour, 1.5m), InRatioPanel: true),
            new("reweighted / target", centres, Divide(feature.Reweighted, feature.Target), new LineStyle(LearnedColour),
                Divide(feature.ReweightedErrors, feature.Target), InRatioPanel: true),
            new("1", [feature.Edges[0], feature.Edges[^1]], [1.0, 1.0], Diagonal, InRatioPanel: true),
        ], RatioTitle: "÷ target", Height: 380);
    }

    /// <summary>The weighted sample with its ±1 weights and after neural resampling, against the exact expectation.</summary>
    public static PlotSpec NegativeWeights(NegativeWeightResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var centres = Centres(result.Edges);
        var series = new List<PlotSeries>
        {
            new("exact expectation", centres, result.Expected, new LineStyle(ExactColour, 2, Steps: true)),
            new("weights ±1", centres, result.Weighted, new LineStyle(SourceColour), result.WeightedErrors),
            new("after neural resampling", centres, result.Resampled, new LineStyle(LearnedColour), result.ResampledErrors),
            new("±1 ÷ exact", centres, Divide(result.Weighted, result.Expected), new LineStyle(SourceColour), Divide(result.WeightedErrors, result.Expected), InRatioPanel: true),
            new("resampled ÷ exact", centres, Divide(result.Resampled, result.Expected), new LineStyle(LearnedColour), Divide(result.ResampledErrors, result.Expected), InRatioPanel: true),
            new("1", [result.Edges[0], result.Edges[^1]], [1.0, 1.0], Diagonal, InRatioPanel: true),
        };
        if (result.DroppedNegatives is { } dropped)
        {
            var style = new LineStyle(CalibratedColour, 1.5m, "dash", Steps: true);
            series.Add(new("negative events dropped (rescaled)", centres, dropped, style));
            series.Add(new("dropped ÷ exact", centres, Divide(dropped, result.Expected), style, InRatioPanel: true));
        }
        return new PlotSpec("x", "sum of weights per bin", series, RatioTitle: "÷ exact", Height: 380);
    }

    /// <summary>E[w|x] as the regression learned it against the exact one.</summary>
    public static PlotSpec MeanWeight(NegativeWeightResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PlotSpec("x", "E[w | x]", [
            new("exact E[w|x]", result.MeanWeightX, result.ExactMeanWeight, Exact),
            new("learned by the regression", result.MeanWeightX, result.LearnedMeanWeight, Learned),
        ], Height: 280);
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static double[] Exp(double[] values) => [.. values.Select(Math.Exp)];

    private static double[] Centres(double[] edges) => [.. edges.Zip(edges.Skip(1), (a, b) => (a + b) / 2)];

    private static double[] Divide(double[] a, double[] b) => [.. a.Zip(b, (x, y) => y == 0 ? double.NaN : x / y)];
}
