namespace MlIntro.Core.Likelihood;

/// <summary>One bin of a reliability diagram: mean predicted s, observed share of class 1, events.</summary>
public sealed record ReliabilityBin(double Predicted, double Observed, int Count);

/// <summary>
/// Calibration of a classifier's score s: the reliability diagram, and carl's histogram calibration, which replaces
/// s by ŝ = h1(s)/(h0(s) + h1(s)) from histograms of s per class on held-out events. ŝ is a monotone step function of s
/// wherever the histograms are, so the ROC barely moves; r̂ changes, because a ratio needs s on the right scale.
/// </summary>
public static class Calibration
{
    /// <summary>Predicted s against the observed fraction of class 1 in <paramref name="bins"/> equal-width bins of s (empty bins left out).</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, int bins)
    {
        var sums = new double[bins];
        var positives = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            var bin = Math.Clamp((int)(scores[i] * bins), 0, bins - 1);
            sums[bin] += scores[i];
            positives[bin] += labels[i] == 1 ? 1 : 0;
            counts[bin]++;
        }
        return [.. Enumerable.Range(0, bins).Where(b => counts[b] > 0)
            .Select(b => new ReliabilityBin(sums[b] / counts[b], positives[b] / counts[b], counts[b]))];
    }

    /// <summary>
    /// Learns the histogram calibration from held-out scores: bins with equal numbers of events (so none is empty),
    /// class shares per bin normalised by each class's total (so unequal class sizes do not shift ŝ).
    /// </summary>
    public static HistogramCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> labels, int bins)
    {
        var edges = new double[bins + 1];
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        for (var b = 0; b <= bins; b++)
        {
            edges[b] = sorted[(int)Math.Min(sorted.Length - 1, (long)b * sorted.Length / bins)];
        }
        (edges[0], edges[^1]) = (double.NegativeInfinity, double.PositiveInfinity);
        var h0 = new double[bins];
        var h1 = new double[bins];
        double n0 = 0, n1 = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var bin = WeightedHistogram.BinOf(scores[i], edges);
            if (labels[i] == 1)
            {
                (h1[bin], n1) = (h1[bin] + 1, n1 + 1);
            }
            else
            {
                (h0[bin], n0) = (h0[bin] + 1, n0 + 1);
            }
        }
        // Half an event in each bin of each class keeps the ratio finite where a class has none.
        var calibrated = Enumerable.Range(0, bins)
            .Select(b => (h1[b] + 0.5) / (n1 + 0.5 * bins) / ((h0[b] + 0.5) / (n0 + 0.5 * bins) + (h1[b] + 0.5) / (n1 + 0.5 * bins)))
            .ToArray();
        return new HistogramCalibrator(edges, calibrated);
    }
}

/// <summary>A fitted histogram calibration: the calibrated ŝ per bin of the raw score.</summary>
public sealed record HistogramCalibrator(double[] Edges, double[] Calibrated)
{
    public double Apply(double score)
    {
        var bin = WeightedHistogram.BinOf(score, Edges);
        return bin < 0 ? 0.5 : Calibrated[bin];
    }
}
