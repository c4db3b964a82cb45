namespace MlIntro.Core.Experiments.Ladders;

/// <summary>
/// How one model's weights (the weight matrices, not the biases) are spread after an epoch, on a log scale so that L1's
/// pile of near-zero weights shows: <c>Counts[i]</c> weights have log10|w| in [Edges[i], Edges[i+1]) (the first bin also
/// holds everything smaller, the last everything larger).
/// </summary>
/// <param name="ShareBelow">Share of the weights with |w| below <paramref name="Threshold"/>.</param>
public sealed record WeightHistogram(int Epoch, string Series, double[] Edges, long[] Counts, long Weights, double Threshold, double ShareBelow)
{
    /// <summary>The histogram of <paramref name="weights"/> in <paramref name="bins"/> bins of log10|w| from <paramref name="lowest"/> to <paramref name="highest"/>.</summary>
    public static WeightHistogram Of(int epoch, string series, IEnumerable<float[]> weights, double threshold = 1e-3, double lowest = -6, double highest = 1, int bins = 35)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var width = (highest - lowest) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => lowest + (i * width)).ToArray();
        var counts = new long[bins];
        long total = 0;
        long below = 0;
        foreach (var w in weights.SelectMany(m => m))
        {
            var magnitude = Math.Abs((double)w);
            var bin = magnitude == 0 ? 0 : (int)Math.Floor((Math.Log10(magnitude) - lowest) / width);
            counts[Math.Clamp(bin, 0, bins - 1)]++;
            total++;
            below += magnitude < threshold ? 1 : 0;
        }
        return new WeightHistogram(epoch, series, edges, counts, total, threshold, total == 0 ? 0 : below / (double)total);
    }
}
