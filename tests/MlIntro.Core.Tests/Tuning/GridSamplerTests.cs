using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tuning;

public sealed class GridSamplerTests
{
    [Fact]
    public void Sample_AsManyTrialsAsCombinations_CoversEveryCombinationOnce()
    {
        var space = new SearchSpace(
            LearningRate: new FloatRange(0.001, 0.1, Log: true, GridPoints: 3),
            Neurons: new IntRange(2, 4),
            Activations: [Activation.Tanh, Activation.ReLU]);
        var dimensions = SearchDimensions.Of(space);
        var sampler = new GridSampler(dimensions, seed: 5);
        // Written out by hand: 3 log-spaced rates × 3 widths × 2 activations (as choice indices).
        double[] rates = [0.001, 0.01, 0.1];
        int[] widths = [2, 3, 4];
        int[] activations = [0, 1];
        var expected = (from lr in rates
                        from n in widths
                        from a in activations
                        select $"{lr:G6}|{n}|{a}").ToHashSet();

        var seen = Enumerable.Range(0, 18)
            .Select(i => sampler.Sample(i, []))
            .Select(v => $"{v[SearchDimensions.LearningRate]:G6}|{v[SearchDimensions.Neurons]}|{v[SearchDimensions.Activation]}")
            .ToList();

        Assert.Equal(18, sampler.Size);
        Assert.Equal(18, seen.Distinct().Count());
        Assert.True(expected.SetEquals(seen), $"Grid visited: {string.Join(", ", seen.Order())}");
    }

    [Fact]
    public void Sample_SameSeed_SameOrder()
    {
        var dimensions = SearchDimensions.Of(new SearchSpace(Neurons: new IntRange(1, 8), HiddenLayers: new IntRange(1, 3)));

        var first = Enumerable.Range(0, 24).Select(i => new GridSampler(dimensions, 9).Sample(i, [])[SearchDimensions.Neurons]).ToList();
        var second = Enumerable.Range(0, 24).Select(i => new GridSampler(dimensions, 9).Sample(i, [])[SearchDimensions.Neurons]).ToList();

        Assert.Equal(first, second);
    }
}
