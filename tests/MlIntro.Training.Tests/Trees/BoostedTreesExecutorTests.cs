using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Core.Metrics;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Tests.Evaluation;
using MlIntro.Training.Tests.Support;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Trees;

[Collection("torch")]
public sealed class BoostedTreesExecutorTests(ITestOutputHelper output)
{
    [Fact]
    public void Execute_Higgs_OneEpochPerRoundThenFinalFrameAndImportance()
    {
        var log = TreeRuns.Run(TreeRuns.Higgs(rounds: 60));

        var epochs = log.Epochs;
        var final = TreeRuns.FinalFrame(log);
        var trees = TreeRuns.TreesFrame(log);
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        Assert.Equal(Enumerable.Range(1, 60), epochs.Select(m => m.Epoch));
        Assert.True(final.IsFinal);
        Assert.Equal("test", final.Split);
        Assert.Equal(60, trees.TrainAuc.Length);
        Assert.Equal(28, trees.Importance.Count);
        Assert.Equal(1.0, trees.Importance.Sum(f => f.Share), 9);
        // Boosting fits the training events: their loss falls from round 1 to the last.
        Assert.True(epochs[^1].TrainLoss < epochs[0].TrainLoss - 0.05, $"train loss {epochs[0].TrainLoss} -> {epochs[^1].TrainLoss}");
        // Two code paths agree: the round's running scores and the final frame built from the probabilities.
        Assert.Equal(final.Curves[0].Auc, trees.HeldOutAuc[^1], 9);
        Assert.Equal(final.Accuracy!.Value, epochs[^1].TestAccuracy!.Value, 9);
        Assert.Equal(PairwiseAuc.Of(final.TestScores!, final.TestLabels!), final.Curves[0].Auc, 6);
        // The masses built from the decay (m_bb, m_wwbb) carry most of HIGGS' separation.
        var top = trees.Importance.OrderByDescending(f => f.Gain).Take(5).Select(f => f.Feature).ToList();
        output.WriteLine($"top features by gain: {string.Join(", ", top)}; fit {trees.FitSeconds:F2} s");
        Assert.Contains("m_bb", top);
    }

    [Fact]
    public void Execute_RoundLossIsTheWeightedCrossEntropyOfTheFinalProbabilities()
    {
        var log = TreeRuns.Run(TreeRuns.Higgs(rounds: 20));

        var final = TreeRuns.FinalFrame(log);
        var scores = final.TestScores!;
        var labels = final.TestLabels!;
        var expected = scores.Select((s, i) => -(labels[i] == 1 ? Math.Log(Math.Clamp(s, 1e-7, 1 - 1e-7)) : Math.Log(1 - Math.Clamp(s, 1e-7, 1 - 1e-7)))).Average();
        Assert.Equal(expected, log.Epochs[^1].TestLoss!.Value, 5);
    }

    [Fact]
    public void Execute_SameSeed_SameAuc()
    {
        var spec = new BoostedTreesSpec(FeatureFraction: 0.5);

        var first = TreeRuns.FinalFrame(TreeRuns.Run(TreeRuns.Higgs(rounds: 40, spec, seed: 7))).Curves[0].Auc;
        var second = TreeRuns.FinalFrame(TreeRuns.Run(TreeRuns.Higgs(rounds: 40, spec, seed: 7))).Curves[0].Auc;
        var otherSeed = TreeRuns.FinalFrame(TreeRuns.Run(TreeRuns.Higgs(rounds: 40, spec, seed: 8))).Curves[0].Auc;

        output.WriteLine($"seed 7: {first:F6} twice {second:F6}; seed 8: {otherSeed:F6}");
        Assert.Equal(first, second);
        // Feature fraction 0.5 draws each tree's features with the seed (and seed 8 draws other events): another seed, other trees.
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Execute_ValidationShare_ReportsValidationLossAndHeldOutAucOnIt()
    {
        var log = TreeRuns.Run(TreeRuns.Higgs(rounds: 10, validation: 0.2));

        Assert.All(log.Epochs, m => Assert.NotNull(m.ValidationLoss));
        Assert.Equal("validation", TreeRuns.TreesFrame(log).HeldOutSplit);
        Assert.Equal("test", TreeRuns.FinalFrame(log).Split);
    }

    [Fact]
    public async Task Execute_CancelWhileLightGbmGrows_EndsCancelledWhenTheCallReturns()
    {
        // The largest run the validator allows on these 5,491 events: LightGBM's call is the longest a cancel can wait.
        var rounds = (int)(BoostedTreesSpec.MaxRoundEvents / 5_491);
        var definition = TreeRuns.Higgs(rounds, new BoostedTreesSpec(Leaves: 64, MinEventsPerLeaf: 2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        var training = Task.Run(() => TreeRuns.Executor().Execute(run), timeout.Token);
        await Task.Delay(500, timeout.Token);

        var cancelledAt = log.Now;
        run.Cancel();
        var terminal = await log.Terminal.WaitAsync(TimeSpan.FromSeconds(60), timeout.Token);
        await training;

        var took = log.Now - cancelledAt;
        output.WriteLine($"{rounds} rounds; cancel to terminal: {took.TotalMilliseconds:F0} ms, rounds published {log.Epochs.Count}");
        Assert.Equal(ExperimentStatus.Cancelled, terminal.Status);
        // Generous for a loaded 2-core machine; the whole run would take far longer.
        Assert.Empty(log.Epochs);
        Assert.True(took < TimeSpan.FromSeconds(20), $"took {took}");
    }

    [Fact]
    public async Task Execute_PausedThenStepped_PublishesOneRoundAndCancelsBetweenRounds()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var run = Trainer.NewRun(TreeRuns.Higgs(rounds: 50));
        var log = new RunLog(run);
        run.Control.Pause();
        var training = Task.Run(() => TreeRuns.Executor().Execute(run), timeout.Token);

        run.Control.Step();
        await Waits.UntilAsync(() => log.Epochs.Count == 1, TimeSpan.FromSeconds(60), "one round after a step", timeout.Token);
        await Task.Delay(300, timeout.Token);
        var afterStep = log.Epochs.Count;
        run.Cancel();
        var terminal = await log.Terminal.WaitAsync(TimeSpan.FromSeconds(30), timeout.Token);
        await training;

        Assert.Equal(1, afterStep);
        Assert.Equal(ExperimentStatus.Cancelled, terminal.Status);
        Assert.Single(log.Epochs);
    }
}
