using Xunit.Abstractions;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tuning;

/// <summary>TPE against random search on the Branin function (global minimum 0.397887, Dixon and Szegő 1978).</summary>
public sealed class TpeSamplerTests(ITestOutputHelper output)
{
    private const double BraninMinimum = 0.397887;

    /// <summary>The regret a search must reach, and the trials it may take.</summary>
    private const double TargetRegret = 0.5;
    private const int Budget = 40;

    private static readonly SearchDimension X = new("x", DimensionKind.Continuous, -5, 10, false, [], 0);
    private static readonly SearchDimension Y = new("y", DimensionKind.Continuous, 0, 15, false, [], 0);

    /// <summary>Branin-Hoo, written from its textbook form.</summary>
    private static double Branin(double x, double y)
    {
        const double a = 1, b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, r = 6, s = 10, t = 1 / (8 * Math.PI);
        return a * Math.Pow(y - b * x * x + c * x - r, 2) + s * (1 - t) * Math.Cos(x) + s;
    }

    private static double BestRegret(ITrialSampler sampler)
    {
        var history = new List<SampledTrial>();
        for (var i = 0; i < Budget; i++)
        {
            var values = sampler.Sample(i, history);
            history.Add(new SampledTrial(values, Branin(values["x"], values["y"])));
        }
        return history.Min(t => t.Loss!.Value) - BraninMinimum;
    }

    [Fact]
    public void Sample_BraninOverTwentySeeds_ReachesTargetRegretMoreOftenThanRandom()
    {
        var seeds = Enumerable.Range(1, 20).ToList();

        var tpeHits = seeds.Count(seed => BestRegret(new TpeSampler([X, Y], seed)) <= TargetRegret);
        var randomHits = seeds.Count(seed => BestRegret(new RandomSampler([X, Y], seed)) <= TargetRegret);
        output.WriteLine($"regret <= {TargetRegret} within {Budget} trials: TPE {tpeHits}/20 seeds, random {randomHits}/20");

        Assert.True(tpeHits > randomHits, $"TPE reached regret {TargetRegret} within {Budget} trials for {tpeHits} of 20 seeds, random search for {randomHits}.");
    }

    [Fact]
    public void Sample_SameSeedAndHistory_SameProposal()
    {
        var history = Enumerable.Range(0, 12)
            .Select(i => new SampledTrial(new Dictionary<string, double> { ["x"] = i - 5, ["y"] = i }, Branin(i - 5, i)))
            .ToList();

        var first = new TpeSampler([X, Y], 3).Sample(12, history);
        var second = new TpeSampler([X, Y], 3).Sample(12, history);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Sample_AfterStartup_StaysInsideTheRanges()
    {
        var sampler = new TpeSampler([X, Y], 4);
        var history = new List<SampledTrial>();

        for (var i = 0; i < 30; i++)
        {
            var v = sampler.Sample(i, history);
            history.Add(new SampledTrial(v, Branin(v["x"], v["y"])));
        }

        Assert.All(history, t => Assert.InRange(t.Values["x"], -5, 10));
        Assert.All(history, t => Assert.InRange(t.Values["y"], 0, 15));
    }
}
