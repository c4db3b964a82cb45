using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>The capacity ladder on real HIGGS events: the big network overfits, its remedies help.</summary>
[Collection("torch")]
public sealed class LadderExecutorTests(LargeLadderFixture ladder) : IClassFixture<LargeLadderFixture>
{
    /// <summary>How far the held-out loss must climb above its minimum for "it overfits" (measured here: about 0.14 by epoch 35).</summary>
    private const double RiseMargin = 0.08;

    [Fact]
    public void Execute_LargeOnThousandHiggsEvents_HeldOutLossRisesAboveItsMinimumWhileTrainLossFalls()
    {
        var large = ladder.Large;

        Assert.Equal(ExperimentStatus.Finished, ladder.Status);
        Assert.Equal(LargeLadderFixture.EpochCount, large.Length);
        var best = large.MinBy(m => m.TestLoss!.Value)!;
        var last = large[^1];
        Assert.True(best.Epoch < LargeLadderFixture.EpochCount - 10, $"the held-out minimum should come early, it came at epoch {best.Epoch}");
        Assert.True(last.TestLoss > best.TestLoss + RiseMargin,
            $"held-out loss should rise by {RiseMargin} within {LargeLadderFixture.EpochCount} epochs: {best.TestLoss:F4} at epoch {best.Epoch}, {last.TestLoss:F4} at the end");
        Assert.True(last.TrainLoss < best.TrainLoss - RiseMargin,
            $"while the training loss keeps falling: {best.TrainLoss:F4} at epoch {best.Epoch}, {last.TrainLoss:F4} at the end");
    }

    [Fact]
    public void Execute_LargeWithL2AndDropout_EndsWithLowerHeldOutLossThanPlainLarge()
    {
        var plain = ladder.Large[^1].TestLoss!.Value;
        var remedied = ladder.LargeBoth[^1].TestLoss!.Value;

        Assert.Equal(LargeLadderFixture.EpochCount, ladder.LargeBoth.Length);
        Assert.True(remedied < plain - 0.05, $"L2 + dropout should end lower: {remedied:F4} against plain Large's {plain:F4}");
    }

    [Fact]
    public void Execute_DropoutModel_TrainLossWithDropoutOnSitsAboveTheSameNetworkWithDropoutOff()
    {
        var both = ladder.LargeBoth;
        var plain = ladder.Large;

        Assert.All(both, m => Assert.NotNull(m.TrainLossWithoutDropout));
        Assert.All(plain, m => Assert.Null(m.TrainLossWithoutDropout));
        // Dropout keeps half the units: the running loss (dropout on) is the worse one in (nearly) every late epoch.
        var late = both.Skip(5).ToArray();
        var above = late.Count(m => m.TrainLoss > m.TrainLossWithoutDropout);
        Assert.True(above >= late.Length - 2, $"dropout-on loss above dropout-off in {above} of {late.Length} epochs");
    }

    [Fact]
    public void Execute_LargeListedBeforeTiny_TinyFinishesEveryEpochBeforeLargesSecond()
    {
        // Listed Large first: one after the other, or epoch by epoch in turn, Tiny's last epoch would come after Large's
        // second. Trained concurrently, Tiny's four epochs (a few milliseconds) are done while Large (800,000 weights)
        // is still in its first or second.
        const int epochs = 4;
        var definition = CapacityLadder.Definition(
            [.. CapacityLadder.Sizes.Where(r => r.Name is CapacityLadder.Large), .. CapacityLadder.Sizes.Where(r => r.Name is CapacityLadder.Tiny)],
            trainingEvents: LargeLadderFixture.Events,
            labelNoise: 0,
            epochs);

        var log = LadderRuns.Run(definition);

        // In the order the run numbered them (listeners may be called out of order by concurrent lanes).
        var order = log.Events.Where(e => e.Metrics is not null).OrderBy(e => e.Sequence).Select(e => (e.Metrics!.Series, e.Metrics.Epoch)).ToList();
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        Assert.Equal(2 * epochs, order.Count);
        var tinyLast = order.IndexOf((CapacityLadder.Tiny, epochs));
        var largeSecond = order.IndexOf((CapacityLadder.Large, 2));
        Assert.True(tinyLast < largeSecond, $"Tiny's epoch {epochs} should come before Large's epoch 2; the order was {string.Join(", ", order)}");
    }

    [Fact]
    public void Execute_EarlyStopping_LargeStopsPatienceEpochsAfterItsBestAndItsLastEpochNamesIt()
    {
        // Large overfits 1,000 events within about 15 epochs (see the fixture), so patience 5 stops it long before 60.
        const int patience = 5;
        var definition = CapacityLadder.Definition(
            [.. CapacityLadder.Sizes.Where(r => r.Name is CapacityLadder.Large)],
            trainingEvents: LargeLadderFixture.Events,
            labelNoise: 0,
            epochs: 60,
            earlyStopping: true,
            patience: patience);

        var log = LadderRuns.Run(definition);

        var large = LadderRuns.Series(log, CapacityLadder.Large);
        var best = large.MinBy(m => m.TestLoss!.Value)!;
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        Assert.Equal(best.Epoch + patience, large.Length);
        Assert.Equal(best.Epoch, large[^1].RestoredEpoch);
        Assert.All(large[..^1], m => Assert.Null(m.RestoredEpoch));
        Assert.Contains($"restored epoch {best.Epoch}", log.Last.Message, StringComparison.Ordinal);
    }
}
