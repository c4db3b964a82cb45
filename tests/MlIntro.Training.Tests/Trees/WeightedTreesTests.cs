using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;
using MlIntro.Core.Metrics;
using MlIntro.Training.Likelihood;
using MlIntro.Training.Tests.Evaluation;
using MlIntro.Training.Tests.Likelihood;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Trees;

/// <summary>The likelihood lesson's negative-weight toy (f = 0.2) with boosted trees beside the network.</summary>
[Collection("torch")]
public sealed class WeightedTreesTests(ITestOutputHelper output)
{
    [Fact]
    public void TestScores_NloToyTwentyPercent_TrainOnNegativeWeightsAndTheirRocCountsThem()
    {
        var problem = RatioProblems.FromNlo(new NloToy(0.2), 5_000, seed: 3);
        var test = problem.Test;
        var labels = test.Targets.Select(t => t > 0.5f ? 1 : 0).ToArray();

        var scores = WeightedTrees.TestScores(problem, seed: 3, CancellationToken.None);
        var curve = WeightedTrees.Roc(problem, scores);

        var weighted = PairwiseAuc.Of(scores, labels, test.Weights);
        var unweighted = PairwiseAuc.Of(scores, labels);
        var exact = Roc.Binary(problem.TestExact, labels, [.. test.Weights.Select(w => (double)w)]).Auc;
        output.WriteLine($"trees AUC weighted {curve.Auc:F4} (pairwise {weighted:F4}), unweighted {unweighted:F4}, exact ratio {exact:F4}");
        Assert.True(problem.Train.Weights.Count(w => w < 0) > 0.15 * 5_000, "the training events carry weight −1");
        Assert.Contains(test.Weights, w => w < 0);
        Assert.Equal(weighted, curve.Auc, 6);
        Assert.True(Math.Abs(weighted - unweighted) > 0.01, $"the weights change the AUC: {weighted} against {unweighted}");
        // Neyman–Pearson: no classifier beats the exact ratio, and the trees come close to it.
        Assert.InRange(curve.Auc, exact - 0.03, exact + 0.01);
    }

    [Fact]
    public void Execute_NegativeWeightsTask_FinalRocsHoldTheTreesBesideTheNetwork()
    {
        var definition = LikelihoodRuns.Definition(new LikelihoodSpec(Task: LikelihoodTask.NegativeWeights, EventsPerClass: 2_000, NegativeFraction: 0.2), epochs: 3);

        var final = LikelihoodRuns.Run(definition).Final();

        Assert.Equal([LikelihoodFrames.ClassifierLabel, LikelihoodFrames.ExactLabel, WeightedTrees.Label], final.Rocs!.Select(r => r.Label));
        Assert.NotNull(final.NegativeWeights!.DroppedNegatives);
    }
}
