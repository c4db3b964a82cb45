using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Trees;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// Boosted trees on a likelihood problem's weighted events, beside the network: LightGBM takes the ±1 weights as they
/// are (each event's gradient and hessian are multiplied by its weight), and their ROC on the held-out events is
/// weighted with the negative weights too.
/// </summary>
public static class WeightedTrees
{
    public const string Label = "boosted trees (LightGBM), weights ±1";

    /// <summary>Rounds the likelihood lesson grows: LightGBM's default learning rate 0.1 settles within them on one feature.</summary>
    public const int Rounds = 100;

    /// <summary>The trees' probabilities of class 1 (the weighted sample) for the held-out events, in <see cref="RatioProblem.Test"/>'s order.</summary>
    public static float[] TestScores(RatioProblem problem, int seed, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var train = problem.Train;
        var set = new TreeTrainingSet(train.X, train.Features, [.. train.Targets.Select(t => t > 0.5f ? 1 : 0)], train.Weights);
        // Leaves of at least 100 events: with weights ±1 a small leaf's summed weight can be near 0 or negative; a bound on
        // events makes that unlikely, not impossible (LightGBM's documentation asks for non-negative weights).
        var trees = LightGbmTrees.Fit(set, new BoostedTreesSpec(MinEventsPerLeaf: 100), Rounds, seed, token);
        var test = problem.Test;
        return trees.Predict(test.X, test.Features);
    }

    /// <summary>The weighted ROC of <paramref name="scores"/> on the held-out events (labels and weights of <see cref="RatioProblem.Test"/>).</summary>
    public static RocCurve Roc(RatioProblem problem, float[] scores)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var test = problem.Test;
        var labels = test.Targets.Select(t => t > 0.5f ? 1 : 0).ToArray();
        return EvaluationFrames.ToCurve(Core.Metrics.Roc.Binary(scores, labels, test.Weights), Label);
    }
}
