namespace MlIntro.Core.Data.Sources.Higgs;

/// <summary>Stratified, seeded splitting, subsampling and label noise for a labelled binary table.</summary>
internal static class HiggsSplit
{
    public static int[] ClassCounts(TabularData data)
    {
        var counts = new int[2];
        foreach (var label in data.Labels!)
        {
            counts[label]++;
        }
        return counts;
    }

    /// <summary>Training events per class share <paramref name="trainFraction"/> (rounded down per class), summed.</summary>
    public static int TrainCount(int[] classCounts, double trainFraction) =>
        classCounts.Sum(n => (int)Math.Floor(n * trainFraction));

    /// <summary>Each class is shuffled with <paramref name="seed"/>; its first floor(n·fraction) events train, the rest test.</summary>
    public static (TabularData Train, TabularData Test) Stratified(TabularData data, double trainFraction, int seed)
    {
        var train = new List<int>();
        var test = new List<int>();
        foreach (var members in ByClass(data))
        {
            var order = Rows.Permutation(members.Length, seed + members.Length);
            var cut = (int)Math.Floor(members.Length * trainFraction);
            for (var i = 0; i < members.Length; i++)
            {
                (i < cut ? train : test).Add(members[order[i]]);
            }
        }
        return (Take(data, train, seed), Take(data, test, seed));
    }

    /// <summary>
    /// Exactly <paramref name="count"/> events keeping the class shares (all events when there are not more): each class
    /// its share rounded down, the events left over to the classes with the largest remainders, so that the run trains on
    /// the number a student chose (flooring each class gave 999 for 1,000).
    /// </summary>
    public static TabularData Subsample(TabularData data, int count, int seed)
    {
        if (count >= data.Rows)
        {
            return data;
        }
        var classes = ByClass(data).ToArray();
        var quotas = Quotas([.. classes.Select(c => c.Length)], count);
        var kept = new List<int>(count);
        for (var c = 0; c < classes.Length; c++)
        {
            // The same per-class shuffle as Stratified's, so a class keeps the events it had and gains its remainder.
            var order = Rows.Permutation(classes[c].Length, seed + classes[c].Length);
            kept.AddRange(order.Take(quotas[c]).Select(i => classes[c][i]));
        }
        return Take(data, kept, seed);
    }

    /// <summary>Per class, <paramref name="count"/> shared out in proportion to <paramref name="classCounts"/> by largest remainder; sums to <paramref name="count"/>.</summary>
    public static int[] Quotas(int[] classCounts, int count)
    {
        var total = (double)classCounts.Sum();
        var exact = classCounts.Select(n => n * count / total).ToArray();
        var quotas = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var leftOver = count - quotas.Sum();
        foreach (var c in Enumerable.Range(0, quotas.Length).OrderByDescending(c => exact[c] - quotas[c]).ThenBy(c => c).Take(leftOver))
        {
            quotas[c]++;
        }
        return quotas;
    }

    /// <summary>Flips the labels of round(share·n) events chosen with <paramref name="seed"/>; returns how many.</summary>
    public static int FlipLabels(TabularData data, double share, int seed)
    {
        var flips = (int)Math.Round(share * data.Rows);
        var order = Rows.Permutation(data.Rows, seed ^ 0x5eed);
        for (var i = 0; i < flips; i++)
        {
            data.Labels![order[i]] = 1 - data.Labels[order[i]];
        }
        return flips;
    }

    private static IEnumerable<int[]> ByClass(TabularData data) =>
        Enumerable.Range(0, 2).Select(c => Enumerable.Range(0, data.Rows).Where(r => data.Labels![r] == c).ToArray());

    /// <summary>The rows, shuffled so that classes are interleaved (mini-batches see both).</summary>
    private static TabularData Take(TabularData data, List<int> rows, int seed)
    {
        var order = Rows.Permutation(rows.Count, seed);
        return Rows.Take(data, order.Select(i => rows[i]).ToArray());
    }
}
