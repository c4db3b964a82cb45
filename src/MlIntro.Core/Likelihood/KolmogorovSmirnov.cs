namespace MlIntro.Core.Likelihood;

/// <summary>Kolmogorov–Smirnov distances: the largest gap between two (weighted) cumulative distributions.</summary>
public static class KolmogorovSmirnov
{
    /// <summary>
    /// sup |F_a − F_b| of two weighted samples (empty weights mean 1 each). Each CDF is normalised by its own total
    /// weight, so negative weights are allowed as long as the totals are positive.
    /// </summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> weightsA, ReadOnlySpan<double> b, ReadOnlySpan<double> weightsB)
    {
        var (sortedA, cumA) = Cumulative(a, weightsA);
        var (sortedB, cumB) = Cumulative(b, weightsB);
        int i = 0, j = 0;
        double fa = 0, fb = 0, largest = 0;
        while (i < sortedA.Length || j < sortedB.Length)
        {
            // Step past every event at the next value (ties in both samples move together).
            var next = Math.Min(i < sortedA.Length ? sortedA[i] : double.PositiveInfinity, j < sortedB.Length ? sortedB[j] : double.PositiveInfinity);
            while (i < sortedA.Length && sortedA[i] == next)
            {
                fa = cumA[i++];
            }
            while (j < sortedB.Length && sortedB[j] == next)
            {
                fb = cumB[j++];
            }
            largest = Math.Max(largest, Math.Abs(fa - fb));
        }
        return largest;
    }

    /// <summary>sup |F_n − F| of a sample against a CDF.</summary>
    public static double Distance(ReadOnlySpan<double> sample, Func<double, double> cdf)
    {
        ArgumentNullException.ThrowIfNull(cdf);
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sorted[i]);
            largest = Math.Max(largest, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        return largest;
    }

    /// <summary>
    /// Asymptotic critical distance of the one-sample test at level α: c(α)/√n with c(α) = √(−ln(α/2)/2)
    /// (1.358 at α = 0.05).
    /// </summary>
    public static double CriticalDistance(int n, double alpha) => Math.Sqrt(-Math.Log(alpha / 2) / 2) / Math.Sqrt(n);

    private static (double[] Sorted, double[] Cumulative) Cumulative(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (!weights.IsEmpty && weights.Length != values.Length)
        {
            throw new ArgumentException("One weight per value is needed.", nameof(weights));
        }
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = values.ToArray();
        Array.Sort(keys, order);
        var total = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            total += weights.IsEmpty ? 1 : weights[i];
        }
        if (!(total > 0))
        {
            throw new ArgumentException("The total weight must be positive.", nameof(weights));
        }
        var cumulative = new double[keys.Length];
        var running = 0.0;
        for (var i = 0; i < keys.Length; i++)
        {
            running += weights.IsEmpty ? 1 : weights[order[i]];
            cumulative[i] = running / total;
        }
        return (keys, cumulative);
    }
}
