using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Tuning;

/// <summary>Every epoch event carries the run's wall time, training events per second and the process's CPU share.</summary>
[Collection("torch")]
public sealed class RunUsageTests
{
    [Fact]
    public void Execute_SmallNetwork_SamplesPerSecondIsPointsTimesEpochsOverWallTime()
    {
        // 200 points, half for training: 100 events per epoch, counted here from the definition, not from the run.
        var definition = Trainer.Definition(CircleTestSource.Name, 4) with
        {
            Training = new TrainingSpec(Epochs: 40, BatchSize: 10, FrameIntervalMs: 60_000),
        };
        var trainingEvents = (int)(definition.RequiredData.Points * definition.RequiredData.TrainFraction);

        var log = Trainer.Run(definition);

        var epochs = log.Events.Where(e => e.Kind == TrainingEventKind.Epoch).ToList();
        Assert.Equal(40, epochs.Count);
        Assert.All(epochs, e =>
        {
            var usage = e.Usage!;
            // The wall time is rounded to 0.1 ms, the rate is not: at a few ms per run the rounding alone moves it by 1 %.
            var samples = trainingEvents * e.Metrics!.Epoch;
            var rounding = 0.00005;
            Assert.InRange(usage.SamplesPerSecond!.Value, samples / (usage.WallSeconds + rounding) * 0.99 - 0.1, samples / (usage.WallSeconds - rounding) * 1.01 + 0.1);
            Assert.InRange(usage.CpuShare, 0, 1);
            // GPU figures exactly when this machine trains on CUDA (none here: the CPU libtorch).
            Assert.Equal(TorchSharp.torch.cuda.is_available(), usage.GpuUtilizationPercent is not null);
            Assert.Equal(TorchSharp.torch.cuda.is_available(), usage.GpuMemoryMiB is not null);
        });
        Assert.True(epochs.Zip(epochs.Skip(1)).All(p => p.Second.Usage!.WallSeconds >= p.First.Usage!.WallSeconds), "wall time never goes back");
    }

    [Fact]
    public void Execute_SmallNetwork_WallTimeFollowsTheTestsOwnClock()
    {
        var definition = Trainer.Definition(CircleTestSource.Name, 4) with
        {
            Training = new TrainingSpec(Epochs: 60, BatchSize: 5, FrameIntervalMs: 60_000),
        };
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);

        Trainer.Executor().Execute(run);

        var timed = log.Timed.Where(t => t.Event.Kind == TrainingEventKind.Epoch).ToList();
        var (first, last) = (timed[0], timed[^1]);
        var measured = last.Event.Usage!.WallSeconds - first.Event.Usage!.WallSeconds;
        var clock = (last.At - first.At).TotalSeconds;
        // Both clocks are read within the same publish call, microseconds apart; 0.1 s allows for a descheduled thread.
        Assert.Equal(clock, measured, 0.1);
        Assert.True(measured > 0, $"{measured}");
    }

    [Theory]
    [InlineData(1.0, 2.0, 2, 0.25)]
    [InlineData(3.0, 1.0, 2, 1.0)]   // clamped: the two clocks are read a moment apart
    [InlineData(0.0, 1.0, 4, 0.0)]
    [InlineData(1.0, 0.0, 2, 0.0)]   // no wall time yet
    public void CpuShare_CpuOverWallOverCores_IsInZeroOne(double cpuSeconds, double wallSeconds, int cores, double expected)
    {
        var share = RunMeter.CpuShare(TimeSpan.FromSeconds(cpuSeconds), wallSeconds, cores);

        Assert.Equal(expected, share, 12);
    }
}
