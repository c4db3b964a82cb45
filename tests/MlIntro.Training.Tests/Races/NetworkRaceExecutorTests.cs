using MlIntro.Core.Experiments;

namespace MlIntro.Training.Tests.Races;

[Collection("torch")]
public sealed class NetworkRaceExecutorTests
{
    [Fact]
    public void Execute_ThreeSaneOptimizers_OneSeriesPerRacerInterleavedByEpochWithFallingLoss()
    {
        var definition = RaceRuns.NetworkRace(
            8,
            RaceRuns.Racer("Adam 0.03", OptimizerKind.Adam, 0.03),
            RaceRuns.Racer("GD 0.1", OptimizerKind.GD, 0.1),
            RaceRuns.Racer("Momentum 0.01", OptimizerKind.Momentum, 0.01));

        var log = RaceRuns.Run(RaceRuns.NetworkExecutor(), definition);

        var epochs = log.Epochs;
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        Assert.Null(log.Last.Message);
        Assert.Equal(24, epochs.Count);
        // Interleaved: epoch 1 of every racer before epoch 2 of any.
        Assert.Equal([1, 1, 1, 2, 2, 2], epochs.Take(6).Select(m => m.Epoch));
        Assert.Equal(["Adam 0.03", "GD 0.1", "Momentum 0.01"], epochs.Take(3).Select(m => m.Series));
        foreach (var series in epochs.GroupBy(m => m.Series))
        {
            var losses = series.Select(m => m.TrainLoss).ToArray();
            Assert.Equal(8, losses.Length);
            Assert.True(losses[^1] < losses[0], $"{series.Key}: loss should fall, {losses[0]} then {losses[^1]}");
            Assert.All(series, m => Assert.InRange(m.TestAccuracy!.Value, 0, 1));
        }
    }

    [Fact]
    public void Execute_TwoRacersWithTheSameOptimizer_TrainIdentically()
    {
        // Same seed, data and batch order: only the optimizer may differ between racers, so equal optimizers must agree.
        var definition = RaceRuns.NetworkRace(
            3,
            RaceRuns.Racer("first", OptimizerKind.RMSProp, 0.01),
            RaceRuns.Racer("second", OptimizerKind.RMSProp, 0.01));

        var log = RaceRuns.Run(RaceRuns.NetworkExecutor(), definition);

        var first = log.Epochs.Where(m => m.Series == "first").Select(m => m.TrainLoss).ToArray();
        var second = log.Epochs.Where(m => m.Series == "second").Select(m => m.TrainLoss).ToArray();
        Assert.Equal(3, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Execute_OneRacerDiverges_OnlyThatRacerStopsAndTheMessageNamesIt()
    {
        // Linear regression on unscaled inputs up to 6: GD lr 100 multiplies the error by about 2400 per step.
        var definition = RaceRuns.NetworkRace(
            20,
            RaceRuns.Racer("sane", OptimizerKind.GD, 0.001),
            RaceRuns.Racer("wild", OptimizerKind.GD, 100)) with
        {
            Data = new DataSpec(Support.RampTestSource.Name, Points: 200),
            Model = new ModelSpec([], Activation.Linear, Problem: ProblemKind.Regression),
        };

        var log = RaceRuns.Run(RaceRuns.NetworkExecutor(), definition);

        var wild = log.Epochs.Where(m => m.Series == "wild").ToArray();
        Assert.Equal(20, log.Epochs.Count(m => m.Series == "sane"));
        Assert.True(wild.Length < 20, $"the diverged racer should stop, ran {wild.Length} epochs");
        Assert.False(double.IsFinite(wild[^1].TrainLoss));
        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        Assert.Contains($"wild at epoch {wild.Length}", log.Last.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.03)]
    [InlineData(OptimizerKind.RMSProp, 0.01)]
    public void Execute_OneRacer_PublishesTheSingleRunExecutorsLosses(OptimizerKind kind, double lr)
    {
        // One epoch loop for both executors: a racer is the single run of its optimizer, epoch for epoch.
        var racer = RaceRuns.Racer("only", kind, lr);
        var race = RaceRuns.NetworkRace(4, racer);
        var single = race with { Lesson = Lesson.Playground, Race = null, Optimizer = racer.Optimizer };

        var raced = RaceRuns.Run(RaceRuns.NetworkExecutor(), race).Epochs;
        var alone = Support.Trainer.Run(single).Epochs;

        Assert.Equal(4, raced.Count);
        Assert.Equal(alone.Select(m => (m.Epoch, m.TrainLoss, m.TestLoss, m.TrainAccuracy, m.TestAccuracy)),
            raced.Select(m => (m.Epoch, m.TrainLoss, m.TestLoss, m.TrainAccuracy, m.TestAccuracy)));
        Assert.All(raced, m => Assert.Equal("only", m.Series));
    }
}
