using MlIntro.Core.Data;
using MlIntro.Core.Metrics;

namespace MlIntro.Training.Trees;

/// <summary>
/// One split's events followed round by round: the running raw score of every event after the first k trees, and the
/// loss (binary cross-entropy, mean weighted by the loss weights as the network's loss is), accuracy at 0.5 and AUC
/// (both in the physical weights) that they give.
/// </summary>
public sealed class RoundSet(string name, float[] x, int columns, int[] labels, float[]? weights, float[]? lossWeights)
{
    private double[] _scores = [];
    private double[]? _doubleWeights;

    /// <summary>"train", "validation" or "test".</summary>
    public string Name { get; } = name;

    public float[] X { get; } = x;

    public int Columns { get; } = columns;

    public int[] Labels { get; } = labels;

    /// <summary>Physical weights: every metric counts with them.</summary>
    public float[]? Weights { get; } = weights;

    /// <summary>Weights of the loss (balanced classes), else the physical ones.</summary>
    public float[]? LossWeights { get; } = lossWeights ?? weights;

    /// <summary>Rows <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> of <paramref name="data"/> (a classification set).</summary>
    public static RoundSet Of(string name, TabularData data, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = data.Labels ?? throw new ArgumentException("Data: boosted trees need class labels.", nameof(data));
        var columns = data.Columns;
        return new RoundSet(
            name,
            data.X[(first * columns)..((first + count) * columns)],
            columns,
            labels[first..(first + count)],
            data.Weights?[first..(first + count)],
            data.LossWeights?[first..(first + count)]);
    }

    public TreeTrainingSet ToTrainingSet() => new(X, Columns, Labels, LossWeights);

    /// <summary>Starts at the ensemble's bias (round 0).</summary>
    public void Reset(TrainedTrees trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        _scores = trees.StartScores(Labels.Length);
    }

    /// <summary>Adds round <paramref name="round"/>'s tree to the running scores.</summary>
    public void Add(TrainedTrees trees, int round)
    {
        ArgumentNullException.ThrowIfNull(trees);
        trees.AddRound(round, X, Columns, _scores);
    }

    /// <summary>Σ w·loss / Σ w, or / n when the weights nearly cancel (as the network's loss does).</summary>
    public double Loss(TrainedTrees trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        double sum = 0, total = 0;
        for (var i = 0; i < _scores.Length; i++)
        {
            var p = Math.Clamp(trees.Probability(_scores[i]), 1e-7, 1 - 1e-7);
            var w = LossWeights?[i] ?? 1.0;
            sum -= w * (Labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p));
            total += w;
        }
        return total > 1e-6 * _scores.Length ? sum / total : sum / _scores.Length;
    }

    /// <summary>Share (by physical weight) of events on the right side of probability 0.5.</summary>
    public double Accuracy(TrainedTrees trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        double right = 0, total = 0;
        for (var i = 0; i < _scores.Length; i++)
        {
            var w = Weights?[i] ?? 1.0;
            right += (trees.Probability(_scores[i]) >= 0.5) == (Labels[i] == 1) ? w : 0;
            total += w;
        }
        return right / total;
    }

    /// <summary>
    /// AUC of the current scores (a probability is a monotone map of the score, so the AUC is the same) as the
    /// Mann–Whitney statistic, which equals the ROC curve's area without building the curve; NaN with one class missing.
    /// </summary>
    public double Auc()
    {
        try
        {
            return MannWhitney.Compute(_scores, Labels, _doubleWeights ??= Weights is null ? [] : Array.ConvertAll(Weights, w => (double)w)).Auc;
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    /// <summary>Probabilities of class 1 for the current scores.</summary>
    public float[] Probabilities(TrainedTrees trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        return [.. _scores.Select(s => (float)trees.Probability(s))];
    }
}
