using MathNet.Numerics.Distributions;
using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Tests.Likelihood;

public sealed class ToyDensityTests
{
    /// <summary>Sample size of the KS tests; the critical distance at α = 0.01 is then 1.63/√5000 ≈ 0.023.</summary>
    private const int KsEvents = 5_000;

    public static TheoryData<string> OneDimensional => ["gauss0", "gauss1", "mixture0", "mixture-gamma", "mixture-bump-heavy"];

    private static IToyDensity OneD(string name) => name switch
    {
        "gauss0" => new NormalToy(0, 1),
        "gauss1" => new NormalToy(1.5, 0.6),
        "mixture0" => LikelihoodToys.Mixture(0),
        "mixture-gamma" => LikelihoodToys.Mixture(0.05),
        _ => LikelihoodToys.Mixture(0.4),
    };

    /// <summary>The CDF from MathNet's normal distribution, component by component (independent of the toy's code).</summary>
    private static double Cdf(string name, double x) => name switch
    {
        "gauss0" => Normal.CDF(0, 1, x),
        "gauss1" => Normal.CDF(1.5, 0.6, x),
        _ => MixtureCdf(name == "mixture0" ? 0 : name == "mixture-gamma" ? 0.05 : 0.4, x),
    };

    private static double MixtureCdf(double gamma, double x) =>
        (1 - gamma) * (0.5 * Normal.CDF(-2, 0.75, x) + 0.5 * Normal.CDF(0, 2, x)) + gamma * Normal.CDF(1, 0.5, x);

    [Theory]
    [MemberData(nameof(OneDimensional))]
    public void LogDensity_OneDimensionalToy_IntegratesToOne(string name)
    {
        var toy = OneD(name);

        var integral = Trapezoid(x => Math.Exp(toy.LogDensity([x])), -30, 30, 60_000);

        Assert.Equal(1, integral, 1e-6);
    }

    [Fact]
    public void LogDensity_CorrelatedGaussians_IntegratesToOne()
    {
        var toy = new CorrelatedNormalToy(0.5, 1.2, 0.7);

        var integral = Trapezoid(x => Trapezoid(y => Math.Exp(toy.LogDensity([x, y])), -12, 13, 1_000), -12, 13, 1_000);

        Assert.Equal(1, integral, 1e-5);
    }

    [Theory]
    [MemberData(nameof(OneDimensional))]
    public void Sample_OneDimensionalToy_PassesKsTestAgainstItsCdf(string name)
    {
        var toy = OneD(name);

        var sample = toy.Sample(KsEvents, new Random(11));

        var distance = KolmogorovSmirnov.Distance(sample, x => Cdf(name, x));
        Assert.True(distance < KolmogorovSmirnov.CriticalDistance(KsEvents, 0.01), $"KS distance {distance:F4}");
    }

    [Fact]
    public void Sample_CorrelatedGaussians_MarginalAndDecorrelatedCombinationPassKsTests()
    {
        var toy = new CorrelatedNormalToy(0.5, 1.2, 0.7);

        var sample = toy.Sample(KsEvents, new Random(5));

        var second = Enumerable.Range(0, KsEvents).Select(i => sample[2 * i + 1]).ToArray();
        // (x − ρy)/(σ√(1 − ρ²)) around the means is N(0, 1) and independent of y only with the right correlation.
        var residual = Enumerable.Range(0, KsEvents)
            .Select(i => ((sample[2 * i] - 0.5) - 0.7 * (sample[2 * i + 1] - 0.5)) / (1.2 * Math.Sqrt(1 - 0.49))).ToArray();
        var critical = KolmogorovSmirnov.CriticalDistance(KsEvents, 0.01);
        Assert.True(KolmogorovSmirnov.Distance(second, x => Normal.CDF(0.5, 1.2, x)) < critical);
        Assert.True(KolmogorovSmirnov.Distance(residual, x => Normal.CDF(0, 1, x)) < critical);
    }

    [Fact]
    public void Sample_NloToy_WeightedSamplePassesKsTestAgainstTheTargetCdf()
    {
        var toy = new NloToy(0.3);

        var (x, w) = toy.Sample(40_000, new Random(3));

        // The weighted empirical CDF against t's CDF from MathNet; the weighted sample's ESS sets the test's size.
        var targetCdf = (double v) => (0.7 * Normal.CDF(0, 1, v) - 0.3 * Normal.CDF(0, 0.7, v)) / 0.4;
        var reference = Enumerable.Range(0, 2_001).Select(i => -6 + 12.0 * i / 2_000).ToArray();
        var referenceWeights = reference.Zip(reference.Skip(1), (a, b) => targetCdf(b) - targetCdf(a)).Prepend(targetCdf(-6)).ToArray();
        var distance = KolmogorovSmirnov.Distance(x, w, reference, referenceWeights);
        var ess = WeightStatistics.EffectiveSampleSize(w);
        Assert.True(distance < KolmogorovSmirnov.CriticalDistance((int)ess, 0.01), $"KS distance {distance:F4}, ESS {ess:F0}");
    }

    [Fact]
    public void LogRatio_Gaussians1D_MatchesTheClosedForm()
    {
        var pair = LikelihoodToys.Create(new LikelihoodSpec(Mu0: 0.2, Sigma0: 1.1, Mu1: 1.3, Sigma1: 0.8));

        var values = new[] { -2.0, 0.0, 0.7, 3.1 }.Select(x => pair.LogRatio([x])).ToArray();

        var expected = new[] { -2.0, 0.0, 0.7, 3.1 }
            .Select(x => Math.Log(1.1 / 0.8) - (x - 1.3) * (x - 1.3) / (2 * 0.64) + (x - 0.2) * (x - 0.2) / (2 * 1.21)).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 1e-12);
        }
    }

    [Fact]
    public void NloToy_MeanWeightAndDensity_MatchTheMixtureByHand()
    {
        var toy = new NloToy(0.3);

        var atZero = toy.MeanWeight(0);

        var plus = 0.7 * Normal.PDF(0, 1, 0);
        var minus = 0.3 * Normal.PDF(0, 0.7, 0);
        Assert.Equal((plus - minus) / (plus + minus), atZero, 1e-12);
        Assert.Equal((plus - minus) / 0.4, toy.Density(0), 1e-12);
        Assert.Equal(1, Trapezoid(toy.Density, -20, 20, 40_000), 1e-6);
    }

    private static double Trapezoid(Func<double, double> f, double a, double b, int steps)
    {
        var h = (b - a) / steps;
        var sum = 0.5 * (f(a) + f(b));
        for (var i = 1; i < steps; i++)
        {
            sum += f(a + i * h);
        }
        return sum * h;
    }
}
