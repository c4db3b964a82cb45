using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Core.Tests.Overfitting;

public sealed class WeightHistogramTests
{
    [Fact]
    public void Of_WeightsCountedByHand_BinsByLog10MagnitudeAndCountsTheShareBelowTheThreshold()
    {
        // Bins of width 1 from 10⁻⁶ to 10¹: 0 and 1e-9 go to the first bin (clamped), 5e-4 to [1e-4, 1e-3), -0.002 to
        // [1e-3, 1e-2), 0.5 and -0.3 to [0.1, 1), 20 to the last bin (clamped).
        float[][] weights = [[0f, 1e-9f, 5e-4f], [-0.002f, 0.5f, -0.3f, 20f]];

        var histogram = WeightHistogram.Of(4, "L1", weights, threshold: 1e-3, lowest: -6, highest: 1, bins: 7);

        Assert.Equal([-6, -5, -4, -3, -2, -1, 0, 1], histogram.Edges);
        Assert.Equal([2L, 0, 1, 1, 0, 2, 1], histogram.Counts);
        Assert.Equal(7, histogram.Weights);
        Assert.Equal(3 / 7.0, histogram.ShareBelow, 12);
        Assert.Equal((4, "L1"), (histogram.Epoch, histogram.Series));
    }
}
