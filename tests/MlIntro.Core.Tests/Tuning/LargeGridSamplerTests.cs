using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tuning;

/// <summary>A grid larger than the sampler shuffles whole is still sampled over all of it.</summary>
public sealed class LargeGridSamplerTests
{
    // 20 learning rates × 8 widths × 20 L2 rates × 20 dropouts = 64,000 combinations, above the whole-shuffle size.
    private static readonly IReadOnlyList<SearchDimension> Dimensions = SearchDimensions.Of(new SearchSpace(
        LearningRate: new FloatRange(0.001, 0.1, Log: true, GridPoints: 20),
        Neurons: new IntRange(1, 8),
        L2: new FloatRange(1e-5, 1e-2, Log: true, GridPoints: 20),
        Dropout: new FloatRange(0, 0.5, GridPoints: 20)));

    [Fact]
    public void Sample_GridAboveTheShuffleSize_EveryValueOfTheFirstDimensionComesUp()
    {
        var sampler = new GridSampler(Dimensions, seed: 3);
        // The first dimension's 20 values, written out: 10^(-3 + 2k/19).
        var rates = Enumerable.Range(0, 20).Select(k => Math.Pow(10, -3 + (2.0 * k / 19))).ToList();

        var trials = Enumerable.Range(0, StudySpec.MaxTrials).Select(n => sampler.Sample(n, [])).ToList();

        Assert.Equal(64_000, SearchDimensions.GridSize(Dimensions));
        Assert.True(SearchDimensions.GridSize(Dimensions) > GridSampler.ShuffledWhole);
        Assert.Equal(StudySpec.MaxTrials, sampler.Size);
        // 256 uniform draws miss one of 20 values with probability about 4e-5.
        var seen = trials.Select(t => rates.FindIndex(r => Math.Abs(r - t[SearchDimensions.LearningRate]) < 1e-9 * r)).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 20), seen.Order());
        Assert.All(trials, t => Assert.InRange(t[SearchDimensions.Neurons], 1, 8));
    }

    [Fact]
    public void Sample_GridAboveTheShuffleSize_NoCombinationTwice()
    {
        var sampler = new GridSampler(Dimensions, seed: 8);

        var keys = Enumerable.Range(0, StudySpec.MaxTrials)
            .Select(n => string.Join('|', sampler.Sample(n, []).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}")))
            .ToList();

        Assert.Equal(StudySpec.MaxTrials, keys.Distinct().Count());
    }
}
