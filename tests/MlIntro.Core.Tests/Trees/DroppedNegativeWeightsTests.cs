using MathNet.Numerics.Distributions;
using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Tests.Trees;

/// <summary>
/// Why negative weights must be kept (the lecture: LightGBM accepts them, XGBoost refuses): on the NLO-like toy with
/// f = 0.2, the weighted histogram agrees with the exact expectation; the weight +1 events alone, even rescaled to the
/// right total, do not.
/// </summary>
public sealed class DroppedNegativeWeightsTests
{
    private const double Fraction = 0.2;
    private const int Events = 40_000;

    /// <summary>E[Σw] per bin from MathNet's normal CDFs: n[(1 − f)ΔΦ(0, 1) − f ΔΦ(0, 0.7)] (independent of the toy's density code).</summary>
    private static double[] Expected(double[] edges) =>
        [.. edges.Zip(edges.Skip(1), (a, b) =>
            Events * ((1 - Fraction) * (Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a)) - Fraction * (Normal.CDF(0, 0.7, b) - Normal.CDF(0, 0.7, a))))];

    private static double ChiSquarePerBin(WeightedHistogram histogram, double[] expected) =>
        Enumerable.Range(0, histogram.Bins).Sum(b => Math.Pow(histogram.Sums[b] - expected[b], 2) / histogram.SumSquares[b]) / histogram.Bins;

    [Fact]
    public void Fill_NloToyTwentyPercent_KeepingNegativesIsUnbiasedDroppingThemIsNot()
    {
        var (x, w) = new NloToy(Fraction).Sample(Events, new Random(11));
        var edges = WeightedHistogram.UniformEdges(-3, 3, 24);
        var expected = Expected(edges);
        var total = expected.Sum();

        var kept = WeightedHistogram.Fill(x, w, edges);
        var dropped = WeightedHistogram.Fill(x, [.. w.Select(v => v > 0 ? 1.0 : 0.0)], edges).ScaledTo(total);

        var keptChi2 = ChiSquarePerBin(kept, expected);
        var droppedChi2 = ChiSquarePerBin(dropped, expected);
        Assert.True(w.Count(v => v < 0) > 0.18 * Events, "a fifth of the events carry weight −1");
        // 24 bins: χ²/bin of an unbiased histogram is 1 ± 0.3; the central bins lose most to the narrower negative events.
        Assert.True(keptChi2 < 2, $"kept: χ²/bin {keptChi2:F2}");
        Assert.True(droppedChi2 > 10, $"dropped: χ²/bin {droppedChi2:F2}");
        // The negative events are narrower than the positive ones: without them the centre has too much, the tails too little.
        Assert.True(dropped.Sums[12] > expected[12] && dropped.Sums[0] < expected[0], $"centre {dropped.Sums[12]:F0} vs {expected[12]:F0}, edge {dropped.Sums[0]:F0} vs {expected[0]:F0}");
    }
}
