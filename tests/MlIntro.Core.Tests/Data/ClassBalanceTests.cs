using MlIntro.Core.Data;

namespace MlIntro.Core.Tests.Data;

public sealed class ClassBalanceTests
{
    private static (double Background, double Signal) Sums(int[] labels, float[] weights) =>
        (labels.Zip(weights).Where(p => p.First == 0).Sum(p => (double)p.Second),
         labels.Zip(weights).Where(p => p.First == 1).Sum(p => (double)p.Second));

    [Fact]
    public void LossWeights_PhysicsWeightsSixAgainst1931_EqualTotalPerClassAndMeanOne()
    {
        // 4 signal events of weight 1.5 (sum 6) and 6 background events of weight 1931/6 (sum 1931).
        int[] labels = [1, 0, 0, 1, 0, 0, 1, 0, 0, 1];
        float[] weights = [.. labels.Select(l => l == 1 ? 1.5f : 1931f / 6)];

        var loss = ClassBalance.LossWeights(labels, weights, ["bkg", "sig"]);

        var (background, signal) = Sums(labels, loss);
        Assert.Equal(5.0, background, 4); // n / k = 10 / 2 for each class
        Assert.Equal(5.0, signal, 4);
        Assert.Equal(5.0 / 4, loss[0], 5); // each signal event: 1.5 · 5 / 6
        Assert.Equal(5.0 / 6, loss[1], 5); // each background event: (1931/6) · 5 / 1931
    }

    [Fact]
    public void LossWeights_UnequalWeightsWithinAClass_KeepTheirRatio()
    {
        int[] labels = [0, 0, 1, 1];
        float[] weights = [1, 3, 0.01f, 0.03f];

        var loss = ClassBalance.LossWeights(labels, weights, ["b", "s"]);

        Assert.Equal([0.5f, 1.5f, 0.5f, 1.5f], loss.Select(w => MathF.Round(w, 5)));
    }

    [Fact]
    public void LossWeights_NoWeights_BalancesTheCounts()
    {
        int[] labels = [0, 0, 0, 1];

        var loss = ClassBalance.LossWeights(labels, [], ["b", "s"]);

        Assert.Equal([2f / 3, 2f / 3, 2f / 3, 2f], loss);
    }

    [Fact]
    public void LossWeights_ClassWeightsCancel_ThrowsNamingTheClass()
    {
        int[] labels = [0, 0, 1, 1];
        float[] weights = [1, 1, 0.5f, -0.7f];

        var error = Assert.Throws<ArgumentException>(() => ClassBalance.LossWeights(labels, weights, ["bkg", "ttH"]));

        Assert.Contains("'ttH'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Balance_Split_PhysicalWeightsUntouchedAndEachHalfBalanced()
    {
        float[] trainWeights = [0.001f, 0.5f, 0.5f, 0.001f];
        float[] testWeights = [0.002f, 0.7f, 0.6f];
        var train = new TabularData(["x"], [1, 2, 3, 4], [1, 0, 0, 1], Weights: trainWeights);
        var test = new TabularData(["x"], [5, 6, 7], [1, 0, 0], Weights: testWeights);
        var split = new DatasetSplit("t", DataOrigin.Uploaded, "", ["b", "s"], train, test);

        var balanced = ClassBalance.Balance(split);

        Assert.Same(trainWeights, balanced.Train.Weights);
        Assert.Same(testWeights, balanced.Test.Weights);
        var (trainB, trainS) = Sums(train.Labels!, balanced.Train.LossWeights!);
        var (testB, testS) = Sums(test.Labels!, balanced.Test.LossWeights!);
        Assert.Equal(trainB, trainS, 5);
        Assert.Equal(testB, testS, 5);
        Assert.Equal(4.0, trainB + trainS, 5);
    }
}
