namespace MlIntro.Core.Likelihood;

/// <summary>
/// A histogram of weighted events: <c>Sums[i]</c> = Σw and <c>SumSquares[i]</c> = Σw² of the events in
/// [Edges[i], Edges[i+1]) (the last bin includes its upper edge). The statistical error of a bin is √Σw², which stays
/// right with negative weights; events outside the edges are dropped.
/// </summary>
public sealed record WeightedHistogram(double[] Edges, double[] Sums, double[] SumSquares)
{
    public int Bins => Sums.Length;

    /// <summary>√Σw² per bin.</summary>
    public double[] Errors => [.. SumSquares.Select(Math.Sqrt)];

    /// <summary>Equal-width edges from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static double[] UniformEdges(double min, double max, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (!(max > min))
        {
            throw new ArgumentException("The range must have max > min.", nameof(max));
        }
        return [.. Enumerable.Range(0, bins + 1).Select(i => min + (max - min) * i / bins)];
    }

    /// <param name="weights">Per-event weights; empty means every event weighs 1.</param>
    public static WeightedHistogram Fill(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double[] edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (!weights.IsEmpty && weights.Length != values.Length)
        {
            throw new ArgumentException("One weight per value is needed.", nameof(weights));
        }
        var bins = edges.Length - 1;
        var sums = new double[bins];
        var squares = new double[bins];
        for (var i = 0; i < values.Length; i++)
        {
            var bin = BinOf(values[i], edges);
            if (bin < 0)
            {
                continue;
            }
            var w = weights.IsEmpty ? 1 : weights[i];
            sums[bin] += w;
            squares[bin] += w * w;
        }
        return new WeightedHistogram(edges, sums, squares);
    }

    /// <summary>The bin of <paramref name="value"/>, or −1 outside the edges (or NaN).</summary>
    public static int BinOf(double value, double[] edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (!(value >= edges[0] && value <= edges[^1]))
        {
            return -1;
        }
        var index = Array.BinarySearch(edges, value);
        var bin = index >= 0 ? index : ~index - 1;
        return Math.Min(bin, edges.Length - 2);
    }

    /// <summary>The same histogram scaled so that its total is <paramref name="total"/> (errors scale with it).</summary>
    public WeightedHistogram ScaledTo(double total)
    {
        var sum = Sums.Sum();
        var factor = sum == 0 ? 0 : total / sum;
        return new WeightedHistogram(Edges, [.. Sums.Select(s => s * factor)], [.. SumSquares.Select(s => s * factor * factor)]);
    }
}
