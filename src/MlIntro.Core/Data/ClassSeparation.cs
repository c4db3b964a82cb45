namespace MlIntro.Core.Data;

/// <summary>
/// Finds columns that give the answer away: a column whose values alone, cut at thresholds, put every class in an
/// interval of its own (for two classes: one cut separates them). Such a column is usually the label in disguise (a
/// copy, an encoding, a weight that differs by class) and would give a perfect score for nothing.
/// </summary>
public static class ClassSeparation
{
    /// <summary>
    /// True when sorting the rows by <paramref name="values"/> leaves each class in one unbroken run, with no value shared
    /// by two classes. Needs at least two classes; a column with a missing (NaN) value never separates.
    /// </summary>
    public static bool Separates(ReadOnlySpan<float> values, ReadOnlySpan<int> labels)
    {
        if (values.Length != labels.Length)
        {
            throw new ArgumentException("There must be one label per value.", nameof(labels));
        }
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                return false;
            }
        }
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var seen = new HashSet<int>();
        var previousClass = -1;
        for (var start = 0; start < order.Length;)
        {
            var groupClass = labels[order[start]];
            var end = start + 1;
            for (; end < order.Length && keys[end] == keys[start]; end++)
            {
                if (labels[order[end]] != groupClass)
                {
                    return false; // one value, two classes: no cut can split them
                }
            }
            if (groupClass != previousClass)
            {
                if (!seen.Add(groupClass))
                {
                    return false; // the class comes back after another one: it is not one interval
                }
                previousClass = groupClass;
            }
            start = end;
        }
        return seen.Count >= 2;
    }
}
