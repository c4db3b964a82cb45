using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Tests.Likelihood;

public sealed class WeightStatisticsTests
{
    [Theory]
    [InlineData(new[] { 1.0, 1, 1, 1 }, 4.0)]
    [InlineData(new[] { 2.0, 1, 1 }, 16.0 / 6)]
    [InlineData(new[] { 1.0, -1, 1, 1 }, 1.0)]
    [InlineData(new[] { 0.5, 0.5 }, 2.0)]
    public void EffectiveSampleSize_HandComputedWeights_IsSumSquaredOverSumOfSquares(double[] weights, double expected)
    {
        var ess = WeightStatistics.EffectiveSampleSize(weights);

        Assert.Equal(expected, ess, 1e-12);
    }

    [Fact]
    public void EffectiveSampleSize_ThirtyPercentNegative_IsNTimesOneMinusTwoFSquared()
    {
        var weights = Enumerable.Range(0, 1_000).Select(i => i < 300 ? -1.0 : 1.0).ToArray();

        var ess = WeightStatistics.EffectiveSampleSize(weights);

        Assert.Equal(1_000 * 0.4 * 0.4, ess, 1e-9);
    }

    [Fact]
    public void ClipAtQuantile_NinetiethPercentile_CapsOnlyTheLargest()
    {
        double[] weights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100];

        var clipped = WeightStatistics.ClipAtQuantile(weights, 0.9);

        // numpy.quantile([1..10, 100], 0.9) = 10 (position 9 of 0..10).
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10], clipped);
        Assert.True(WeightStatistics.EffectiveSampleSize(clipped) > WeightStatistics.EffectiveSampleSize(weights));
    }

    [Fact]
    public void Quantile_BetweenOrderStatistics_InterpolatesLinearly()
    {
        double[] values = [4, 1, 3, 2];

        var q = WeightStatistics.Quantile(values, 0.5);

        Assert.Equal(2.5, q, 1e-12);
    }

    [Fact]
    public void Fill_NegativeWeights_SumsAndSquaresPerBinByHand()
    {
        double[] values = [0.1, 0.2, 0.6, 0.9, 1.0, 1.5, -0.1];
        double[] weights = [1, -1, 2, -0.5, 1, 7, 7];

        var histogram = WeightedHistogram.Fill(values, weights, [0, 0.5, 1]);

        Assert.Equal([0.0, 2.5], histogram.Sums);
        Assert.Equal([2.0, 5.25], histogram.SumSquares);
        Assert.Equal(Math.Sqrt(2), histogram.Errors[0], 1e-12);
    }

    [Fact]
    public void ScaledTo_Total_ScalesSumsLinearlyAndSquaresQuadratically()
    {
        var histogram = WeightedHistogram.Fill([0.1, 0.6, 0.7], [], [0, 0.5, 1]);

        var scaled = histogram.ScaledTo(6);

        Assert.Equal([2.0, 4.0], scaled.Sums);
        Assert.Equal([4.0, 8.0], scaled.SumSquares);
    }

    [Fact]
    public void Distance_TwoSamples_LargestCdfGapByHand()
    {
        double[] a = [1, 2, 3];
        double[] b = [2.5];

        var distance = KolmogorovSmirnov.Distance(a, [], b, []);

        // After 2: F_a = 2/3, F_b = 0.
        Assert.Equal(2.0 / 3, distance, 1e-12);
    }

    [Fact]
    public void Distance_WeightedSamples_UsesNormalisedWeights()
    {
        double[] values = [0, 1];

        var distance = KolmogorovSmirnov.Distance(values, [3, 1], values, [1, 1]);

        // At 0: 3/4 against 1/2.
        Assert.Equal(0.25, distance, 1e-12);
    }

    [Fact]
    public void Distance_NegativeWeightsThatCancel_EqualsTheUnweightedRemainder()
    {
        // +1 and −1 at 5 cancel: the weighted sample is the unweighted {0, 1}.
        double[] values = [0, 1, 5, 5];

        var distance = KolmogorovSmirnov.Distance(values, [1, 1, 1, -1], [0, 1], []);

        Assert.Equal(0, distance, 1e-12);
    }
}
