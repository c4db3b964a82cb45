namespace MlIntro.Core.Likelihood;

/// <summary>What a set of event weights is worth: effective sample size, clipping.</summary>
public static class WeightStatistics
{
    /// <summary>
    /// Kish's effective sample size (Σw)²/Σw²: N for equal weights, less the more the weights vary. With a share f of
    /// weights −1 and the rest +1 it is N(1 − 2f)².
    /// </summary>
    public static double EffectiveSampleSize(ReadOnlySpan<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }
        return squares == 0 ? 0 : sum * sum / squares;
    }

    /// <summary>The <paramref name="q"/>-quantile of the values (linear interpolation between order statistics, as numpy's default).</summary>
    public static double Quantile(ReadOnlySpan<double> values, double q)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(values));
        }
        if (!(q is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile is in [0, 1].");
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>
    /// Weights above their <paramref name="q"/>-quantile set to it: fewer huge weights (a larger ESS) at the price of a bias
    /// where the ratio is large. q = 1 returns a copy.
    /// </summary>
    public static double[] ClipAtQuantile(ReadOnlySpan<double> weights, double q)
    {
        var clipped = weights.ToArray();
        if (q >= 1 || clipped.Length == 0)
        {
            return clipped;
        }
        var cap = Quantile(weights, q);
        for (var i = 0; i < clipped.Length; i++)
        {
            clipped[i] = Math.Min(clipped[i], cap);
        }
        return clipped;
    }
}
