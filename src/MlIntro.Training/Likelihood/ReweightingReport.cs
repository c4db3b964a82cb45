using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// Histograms of every feature for the source before and after reweighting and for the target, normalised to the
/// target's total weight, with √Σw² errors and the Kolmogorov–Smirnov distance to the target before and after. Pure C#.
/// </summary>
public static class ReweightingReport
{
    public const int Bins = 30;

    /// <summary>Most features compared (the HIGGS masses are seven).</summary>
    public const int MaxFeatures = 8;

    public static IReadOnlyList<FeatureComparison> Compare(RatioProblem problem, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(weights);
        var d = problem.Dimension;
        var sourceRows = problem.TestSourceWeights.Length;
        var targetRows = problem.TestTargetWeights.Length;
        var sourceBase = problem.TestSourceWeights.Select(w => (double)w).ToArray();
        var targetWeights = problem.TestTargetWeights.Select(w => (double)w).ToArray();
        var reweighted = sourceBase.Zip(weights, (a, b) => a * b).ToArray();
        var targetTotal = targetWeights.Sum();
        var result = new List<FeatureComparison>();
        for (var f = 0; f < Math.Min(d, MaxFeatures); f++)
        {
            var source = Column(problem.TestSource, d, f, sourceRows);
            var target = Column(problem.TestTarget, d, f, targetRows);
            var edges = Edges(source, target);
            var sourceHistogram = WeightedHistogram.Fill(source, sourceBase, edges).ScaledTo(targetTotal);
            var after = WeightedHistogram.Fill(source, reweighted, edges).ScaledTo(targetTotal);
            var targetHistogram = WeightedHistogram.Fill(target, targetWeights, edges);
            result.Add(new FeatureComparison(
                problem.Features[f],
                edges,
                sourceHistogram.Sums,
                after.Sums,
                after.Errors,
                targetHistogram.Sums,
                targetHistogram.Errors,
                KolmogorovSmirnov.Distance(source, sourceBase, target, targetWeights),
                KolmogorovSmirnov.Distance(source, reweighted, target, targetWeights)));
        }
        return result;
    }

    /// <summary>
    /// How far the reweighted histogram of the first feature is from the target: Σ|after − target| / Σ target (the
    /// number clipping trades against the ESS).
    /// </summary>
    public static double Mismatch(FeatureComparison feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var total = feature.Target.Sum();
        return total == 0 ? 0 : feature.Reweighted.Zip(feature.Target, (a, b) => Math.Abs(a - b)).Sum() / total;
    }

    private static double[] Column(float[] x, int d, int f, int rows)
    {
        var column = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            column[i] = x[i * d + f];
        }
        return column;
    }

    /// <summary>From the 0.5th to the 99.5th percentile of both samples together: long tails would leave most bins empty.</summary>
    private static double[] Edges(double[] source, double[] target)
    {
        var both = source.Concat(target).ToArray();
        var min = WeightStatistics.Quantile(both, 0.005);
        var max = WeightStatistics.Quantile(both, 0.995);
        return WeightedHistogram.UniformEdges(min, max > min ? max : min + 1, Bins);
    }
}
