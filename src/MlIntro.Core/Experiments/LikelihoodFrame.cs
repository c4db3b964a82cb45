using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Experiments;

/// <summary>
/// What the likelihood lesson's run shows after an epoch (live, latest wins) or at its end (<paramref name="IsFinal"/>,
/// stored with the run). Every part is optional: a run fills what its task and toy have.
/// </summary>
/// <param name="Stage">"classifier", "check classifier", "resampler" or "done": what the run is training.</param>
/// <param name="Ratio">Learned and exact ln r along a line through x (1D toys: x; 2D: the diagonal x₁ = x₂).</param>
/// <param name="RatioPoints">Data without a line to draw along (HIGGS): exact against learned ln r of held-out events.</param>
/// <param name="Rocs">The classifier's ROC beside the exact ratio's (and the calibrated classifier's), on held-out events.</param>
public sealed record LikelihoodFrame(
    int Epoch,
    string Stage,
    bool IsFinal = false,
    RatioCurve? Ratio = null,
    RatioPoints? RatioPoints = null,
    IReadOnlyList<RocCurve>? Rocs = null,
    CalibrationResult? Calibration = null,
    GammaResult? Gamma = null,
    ReweightingResult? Reweighting = null,
    NegativeWeightResult? NegativeWeights = null);

/// <param name="X">Positions along the line.</param>
/// <param name="Exact">Exact ln r at each position.</param>
/// <param name="Learned">Ensemble mean of the learned ln r̂ = ln[s/(1 − s)] + ln(N0/N1).</param>
/// <param name="Low">Mean − one standard deviation over the ensemble (equal to the mean for one classifier).</param>
/// <param name="High">Mean + one standard deviation.</param>
/// <param name="Calibrated">ln r̂ after histogram calibration (final frame).</param>
/// <param name="Line">How X maps into the input space, e.g. "x" or "x₁ = x₂".</param>
public sealed record RatioCurve(string Line, double[] X, double[] Exact, double[] Learned, double[] Low, double[] High, double[]? Calibrated = null);

public sealed record RatioPoints(double[] Exact, double[] Learned);

/// <summary>Reliability diagrams before and after histogram calibration (on held-out events not used to fit it).</summary>
public sealed record CalibrationResult(IReadOnlyList<ReliabilityBin> Raw, IReadOnlyList<ReliabilityBin> Calibrated);

/// <summary>The γ fit of the mixture toy on one pseudo-data set: from the exact ratio and from the learned one.</summary>
public sealed record GammaResult(double TrueGamma, int PseudoEvents, GammaFit Exact, GammaFit Learned);

/// <summary>One feature before and after reweighting, histograms normalised to the target's total.</summary>
public sealed record FeatureComparison(
    string Name,
    double[] Edges,
    double[] Source,
    double[] Reweighted,
    double[] ReweightedErrors,
    double[] Target,
    double[] TargetErrors,
    double KsBefore,
    double KsAfter);

/// <summary>DCTR-style reweighting of the source (p0) towards the target (p1) with w = r̂, on held-out events.</summary>
/// <param name="CheckAuc">AUC of a fresh classifier of reweighted source against target (0.5 = indistinguishable); null when skipped.</param>
/// <param name="AucBefore">The ratio classifier's own AUC on the same kind of events, before reweighting.</param>
/// <param name="ClippedAt">The weight cap of the clipping quantile (null without clipping).</param>
/// <param name="ClippingBias">Σ|reweighted − target| / Σ target over the bins of the first feature, with the clipped weights minus without: what clipping costs.</param>
public sealed record ReweightingResult(
    IReadOnlyList<FeatureComparison> Features,
    int SourceEvents,
    double EssBefore,
    double EssAfter,
    double AucBefore,
    double? CheckAuc,
    double ClipQuantile,
    double? ClippedAt,
    double? EssUnclipped,
    double? ClippingBias);

/// <summary>The negative-weights task: the weighted sample before and after neural resampling, against the exact target.</summary>
/// <param name="Expected">The exact target's expected sum of weights per bin.</param>
/// <param name="MeanWeightX">Positions of the E[w|x] curves.</param>
/// <param name="ResampledErrors">√(Σw̄² + Σw²) per bin: the resampled sum's own error and the one E[w|x] inherits from
/// its training sample (as large as this one).</param>
/// <param name="BinsWithinTwoSigma">Bins where the resampled histogram is within two <paramref name="ResampledErrors"/> of the expectation.</param>
/// <param name="DroppedNegatives">What a tool that refuses negative weights leaves: the weight +1 events alone, scaled to the
/// weighted sample's Σw; biased in shape, since the negative events are not spread like the positive ones.</param>
public sealed record NegativeWeightResult(
    double Fraction,
    int Events,
    double[] Edges,
    double[] Expected,
    double[] Weighted,
    double[] WeightedErrors,
    double[] Resampled,
    double[] ResampledErrors,
    double EssBefore,
    double EssAfter,
    double[] MeanWeightX,
    double[] ExactMeanWeight,
    double[] LearnedMeanWeight,
    int BinsWithinTwoSigma,
    double[]? DroppedNegatives = null);
