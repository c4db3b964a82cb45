using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tuning;

public sealed class SuccessiveHalvingTests
{
    [Fact]
    public void Rungs_GraceOneEtaThree_AreOneThreeNineBelowTheLastEpoch()
    {
        var rungs = SuccessiveHalving.Rungs(new PruningSpec(ReductionFactor: 3, GracePeriod: 1), epochs: 27);

        Assert.Equal([1, 3, 9], rungs);
    }

    [Theory]
    [InlineData(27, 3)]
    [InlineData(16, 2)]
    [InlineData(20, 4)]
    public void Promotes_WholeRungReported_PromotesExactlyTheBestOneOverEtaAtEachRung(int trials, int eta)
    {
        var random = new Random(trials * 31 + eta);
        var alive = Enumerable.Range(0, trials).ToList();
        var rung = 0;

        while (alive.Count >= eta)
        {
            // Each rung its own losses, so a trial's rank changes between rungs as it would in training.
            var losses = alive.ToDictionary(t => t, _ => random.NextDouble());
            var promoted = alive.Where(t => SuccessiveHalving.Promotes(losses[t], losses.Values, eta)).ToList();
            var best = alive.OrderBy(t => losses[t]).Take(alive.Count / eta).ToList();

            Assert.Equal(best.Order(), promoted.Order());
            alive = promoted;
            rung++;
        }

        Assert.True(rung >= 2, $"only {rung} rungs were checked");
    }

    [Fact]
    public void Promotes_FewerThanEtaValuesSoFar_PromotesOnlyTheBest()
    {
        Assert.True(SuccessiveHalving.Promotes(0.2, [0.2, 0.5], reductionFactor: 3));
        Assert.False(SuccessiveHalving.Promotes(0.5, [0.2, 0.5], reductionFactor: 3));
    }

    [Fact]
    public void Promotes_NotFiniteLoss_Stops()
    {
        Assert.False(SuccessiveHalving.Promotes(double.NaN, [double.NaN, 0.1, 0.2, 0.3], reductionFactor: 2));
    }
}
