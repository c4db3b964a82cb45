using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Tests.Likelihood;

public sealed class GammaScanTests
{
    private static double[] ExactRatios(int events, double trueGamma, double gamma1, int seed)
    {
        var truth = LikelihoodToys.Mixture(trueGamma);
        var reference = LikelihoodToys.Mixture(gamma1);
        var background = LikelihoodToys.Mixture(0);
        return [.. truth.Sample(events, new Random(seed)).Select(x => Math.Exp(reference.LogDensity([x]) - background.LogDensity([x])))];
    }

    [Fact]
    public void Fit_ExactRatioOnDefaultPseudoData_RecoversGammaWithinItsInterval()
    {
        var ratios = ExactRatios(1_000, 0.05, 0.05, seed: 1);

        var fit = GammaScan.Fit(ratios, 0.05, 0.3);

        Assert.InRange(0.05, fit.Lower, fit.Upper);
        Assert.True(fit.Lower < fit.Best && fit.Best < fit.Upper);
        Assert.Equal(0, fit.MinusTwoLogLambda.Min(), 12);
    }

    [Fact]
    public void Fit_ExactRatioOnFortyPseudoDataSets_IntervalCoversTheTruthAboutTwoThirdsOfTheTime()
    {
        var covered = Enumerable.Range(100, 40)
            .Count(seed => GammaScan.Fit(ExactRatios(2_000, 0.1, 0.05, seed), 0.05, 0.4) is var fit && fit.Lower <= 0.1 && 0.1 <= fit.Upper);

        // 68 % of 40 is 27; binomial spread ±3. [19, 35] is more than 2.5 σ each way.
        Assert.InRange(covered, 19, 35);
    }

    [Fact]
    public void Fit_MoreEvents_NarrowerIntervalByAboutRootN()
    {
        var small = GammaScan.Fit(ExactRatios(2_000, 0.05, 0.05, 3), 0.05, 0.3);

        var large = GammaScan.Fit(ExactRatios(18_000, 0.05, 0.05, 3), 0.05, 0.3);

        var ratio = (small.Upper - small.Lower) / (large.Upper - large.Lower);
        Assert.InRange(ratio, 2.4, 3.6);
    }
}
