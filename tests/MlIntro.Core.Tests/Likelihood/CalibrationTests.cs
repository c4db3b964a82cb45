using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Tests.Likelihood;

public sealed class CalibrationTests
{
    [Fact]
    public void Reliability_HandPlacedScores_MeansAndSharesPerBin()
    {
        double[] scores = [0.05, 0.15, 0.12, 0.95];
        int[] labels = [0, 1, 0, 1];

        var bins = Calibration.Reliability(scores, labels, 10);

        Assert.Equal(3, bins.Count);
        Assert.Equal(new ReliabilityBin(0.05, 0, 1), bins[0]);
        Assert.Equal(0.135, bins[1].Predicted, 12);
        Assert.Equal(0.5, bins[1].Observed, 12);
        Assert.Equal(2, bins[1].Count);
    }

    [Fact]
    public void Fit_SquashedScoresOfAKnownProbability_RecoversTheProbability()
    {
        // True P(class 1 | event) = p; the classifier reports p³, monotone but miscalibrated.
        var random = new Random(2);
        var p = Enumerable.Range(0, 40_000).Select(_ => random.NextDouble()).ToArray();
        var labels = p.Select(v => random.NextDouble() < v ? 1 : 0).ToArray();
        var squashed = p.Select(v => v * v * v).ToArray();

        var calibrator = Calibration.Fit(squashed, labels, 20);

        foreach (var v in new[] { 0.2, 0.5, 0.8 })
        {
            Assert.Equal(v, calibrator.Apply(v * v * v), 0.06);
        }
    }
}
