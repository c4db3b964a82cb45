namespace MlIntro.Core.Tuning;

/// <summary>A finished trial as a sampler learns from it: its values and its loss (objective turned so that lower is better).</summary>
/// <param name="Loss">Null for a trial without a result (failed); pruned trials carry their last rung's value.</param>
public sealed record SampledTrial(IReadOnlyDictionary<string, double> Values, double? Loss, bool Pruned = false);

/// <summary>Proposes the values of trial number n, given the trials that finished before it was asked.</summary>
public interface ITrialSampler
{
    IReadOnlyDictionary<string, double> Sample(int number, IReadOnlyList<SampledTrial> history);
}

public static class TrialSamplers
{
    /// <summary>The sampler of a study, seeded by the study's seed: the same study proposes the same trials.</summary>
    public static ITrialSampler For(SamplerKind kind, IReadOnlyList<SearchDimension> dimensions, int seed) => kind switch
    {
        SamplerKind.Grid => new GridSampler(dimensions, seed),
        SamplerKind.Tpe => new TpeSampler(dimensions, seed),
        _ => new RandomSampler(dimensions, seed),
    };

    /// <summary>One generator per trial, so that trial n draws the same values however the trials before it were scheduled.</summary>
    internal static Random RandomFor(int seed, int number) => new(unchecked((seed * 1_000_003) + (number * 7_919) + 17));
}

/// <summary>Every dimension drawn uniformly on its own scale (log-uniform for log ranges).</summary>
public sealed class RandomSampler(IReadOnlyList<SearchDimension> dimensions, int seed) : ITrialSampler
{
    public IReadOnlyDictionary<string, double> Sample(int number, IReadOnlyList<SampledTrial> history)
    {
        var random = TrialSamplers.RandomFor(seed, number);
        return dimensions.ToDictionary(d => d.Name, d => d.FromUnit(random.NextDouble()));
    }
}

/// <summary>
/// The Cartesian product of every dimension's grid values, visited in one seeded order: a study as large as the grid
/// runs each combination exactly once, and a smaller one a spread-out subset rather than one corner.
/// </summary>
public sealed class GridSampler : ITrialSampler
{
    private readonly IReadOnlyList<SearchDimension> _dimensions;
    private readonly IReadOnlyList<IReadOnlyList<double>> _values;
    private readonly int[] _order;

    public GridSampler(IReadOnlyList<SearchDimension> dimensions, int seed)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        _dimensions = dimensions;
        _values = [.. dimensions.Select(d => d.GridValues())];
        var size = (int)Math.Min(SearchDimensions.GridSize(dimensions), StudySpec.MaxTrials * 64);
        _order = [.. Enumerable.Range(0, size)];
        new Random(seed).Shuffle(_order);
    }

    public int Size => _order.Length;

    public IReadOnlyDictionary<string, double> Sample(int number, IReadOnlyList<SampledTrial> history)
    {
        var index = _order[number % _order.Length];
        var values = new Dictionary<string, double>();
        // Mixed radix: the last dimension changes fastest.
        for (var d = _dimensions.Count - 1; d >= 0; d--)
        {
            var count = _values[d].Count;
            values[_dimensions[d].Name] = _values[d][index % count];
            index /= count;
        }
        return values;
    }
}
