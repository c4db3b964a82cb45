namespace MlIntro.Core.Tuning;

/// <summary>How much of the objective's spread one parameter explains on its own, as a share of all the parameters' shares.</summary>
/// <param name="Explained">The correlation ratio η² (between-bin variance / total variance), before normalising.</param>
public sealed record Importance(string Parameter, double Share, double Explained);

/// <summary>
/// Parameter importance as the main effects of a functional ANOVA (fANOVA, Hutter et al. 2014), estimated straight from
/// the trials instead of from a fitted random forest: for each parameter, the trials are split into bins of that
/// parameter (quantile bins of its position; one bin per choice or whole number when there are few), and its importance
/// is the share of the objective's variance carried by the bin means — the correlation ratio η². Interactions are not
/// counted, so the shares say which single knob moves the objective most. Needs <see cref="MinTrials"/> scored trials.
/// </summary>
public static class ParameterImportance
{
    public const int MinTrials = 6;

    /// <param name="objectives">Each scored trial's objective (any direction: only its spread matters).</param>
    public static IReadOnlyList<Importance> Of(
        IReadOnlyList<SearchDimension> dimensions, IReadOnlyList<(IReadOnlyDictionary<string, double> Values, double Objective)> trials)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(trials);
        var scored = trials.Where(t => double.IsFinite(t.Objective)).ToList();
        if (scored.Count < MinTrials || dimensions.Count == 0)
        {
            return [];
        }
        var mean = scored.Average(t => t.Objective);
        var total = scored.Sum(t => (t.Objective - mean) * (t.Objective - mean));
        var explained = dimensions.Select(d => total <= 0 ? 0 : BetweenBins(d, scored, mean) / total).ToList();
        var sum = explained.Sum();
        return [.. dimensions.Select((d, i) => new Importance(d.Name, sum > 0 ? explained[i] / sum : 0, explained[i]))
            .OrderByDescending(i => i.Share)];
    }

    /// <summary>Σ over bins of n_b (mean_b − mean)²: the spread the parameter's bins explain.</summary>
    private static double BetweenBins(SearchDimension dimension, List<(IReadOnlyDictionary<string, double> Values, double Objective)> trials, double mean)
    {
        var bins = Math.Clamp(trials.Count / 4, 2, 5);
        var positions = trials.Select(t => t.Values.TryGetValue(dimension.Name, out var v) ? dimension.ToUnit(v) : 0.5).ToList();
        var distinct = positions.Distinct().Count();
        IEnumerable<int> keys;
        if (distinct <= bins)
        {
            var values = positions.Distinct().Order().ToList();
            keys = positions.Select(p => values.IndexOf(p));
        }
        else
        {
            // Quantile bins: equal numbers of trials, so a sampler that crowds one region (TPE) still gets even bins.
            var ranks = positions.Select((p, i) => (p, i)).OrderBy(x => x.p).Select((x, rank) => (x.i, rank)).ToDictionary(x => x.i, x => x.rank);
            keys = positions.Select((_, i) => ranks[i] * bins / positions.Count);
        }
        return keys.Zip(trials, (key, t) => (key, t.Objective)).GroupBy(x => x.key)
            .Sum(g => g.Count() * Math.Pow(g.Average(x => x.Objective) - mean, 2));
    }
}
