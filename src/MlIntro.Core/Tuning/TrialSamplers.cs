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
/// runs each combination exactly once, and a smaller one a spread-out subset rather than one corner. A grid too large
/// to shuffle whole gives <see cref="StudySpec.MaxTrials"/> combinations drawn without replacement from all of it, so
/// every value of every dimension can come up (a shuffle of its first indices would never leave the first values of
/// the first dimension).
/// </summary>
public sealed class GridSampler : ITrialSampler
{
    /// <summary>Grids up to this size are shuffled whole.</summary>
    public const int ShuffledWhole = StudySpec.MaxTrials * 64;

    private readonly IReadOnlyList<SearchDimension> _dimensions;
    private readonly IReadOnlyList<IReadOnlyList<double>> _values;
    private readonly long[] _order;

    public GridSampler(IReadOnlyList<SearchDimension> dimensions, int seed)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        _dimensions = dimensions;
        _values = [.. dimensions.Select(d => d.GridValues())];
        var size = SearchDimensions.GridSize(dimensions);
        var random = new Random(seed);
        if (size <= ShuffledWhole)
        {
            _order = [.. Enumerable.Range(0, (int)size).Select(i => (long)i)];
            random.Shuffle(_order);
        }
        else
        {
            // Few draws from a huge range: a repeat is rare, and skipping it keeps the draw uniform without replacement.
            var drawn = new HashSet<long>();
            var order = new List<long>(StudySpec.MaxTrials);
            while (order.Count < StudySpec.MaxTrials)
            {
                var index = random.NextInt64(size);
                if (drawn.Add(index))
                {
                    order.Add(index);
                }
            }
            _order = [.. order];
        }
    }

    /// <summary>Combinations in the sampler's order: the whole grid, or <see cref="StudySpec.MaxTrials"/> of a larger one.</summary>
    public int Size => _order.Length;

    public IReadOnlyDictionary<string, double> Sample(int number, IReadOnlyList<SampledTrial> history)
    {
        var index = _order[number % _order.Length];
        var values = new Dictionary<string, double>();
        // Mixed radix: the last dimension changes fastest.
        for (var d = _dimensions.Count - 1; d >= 0; d--)
        {
            var count = _values[d].Count;
            values[_dimensions[d].Name] = _values[d][(int)(index % count)];
            index /= count;
        }
        return values;
    }
}
