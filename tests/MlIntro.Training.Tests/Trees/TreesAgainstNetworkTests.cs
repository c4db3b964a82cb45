using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Training.Tests.Support;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Trees;

[Collection("torch")]
public sealed class TreesAgainstNetworkTests(ITestOutputHelper output)
{
    /// <summary>The evaluation page's defaults (EvaluationSettings): 8,8 ReLU, Adam 0.01, 40 epochs, batch 32, seed 1, HIGGS with its 50 % pool.</summary>
    private static ExperimentDefinition PageNetwork() => new(
        Lesson.Evaluation,
        new DataSpec(HiggsUciSource.Name, Points: 10_000, TrainFraction: 0.5),
        new ModelSpec([new HiddenLayer(8), new HiddenLayer(8)], Activation.ReLU),
        new OptimizerSpec(OptimizerKind.Adam, 0.01),
        new TrainingSpec(40, BatchSize: 32, FrameIntervalMs: 60_000),
        Seed: 1);

    [Fact]
    public void Execute_HiggsPageDefaults_TreesTestAucWithinTwoHundredthsOfTheBestNetwork()
    {
        var network = Trainer.Run(PageNetwork(), new HiggsUciSource());
        var trees = TreeRuns.Run(TreeRuns.Higgs(rounds: 100));

        // "Best network": the best test AUC among the network's evaluation frames (live ones and the final one).
        var networkAuc = network.Events.Where(e => e.Kind == TrainingEventKind.Evaluation && e.Evaluation!.Split == "test")
            .Max(e => e.Evaluation!.Curves[0].Auc);
        var treesAuc = TreeRuns.FinalFrame(trees).Curves[0].Auc;
        output.WriteLine($"HIGGS test AUC: network (8,8, 40 epochs, best frame) {networkAuc:F4}; trees (100 rounds, 31 leaves) {treesAuc:F4}");
        Assert.Equal(ExperimentStatus.Finished, network.Last.Status);
        Assert.True(treesAuc >= networkAuc - 0.02, $"trees {treesAuc:F4}, network {networkAuc:F4}");
    }
}
