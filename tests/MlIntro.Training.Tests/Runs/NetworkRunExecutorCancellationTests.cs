using MlIntro.Core.Experiments;
using MlIntro.Training.Tests.Support;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Runs;

[Collection("torch")]
public sealed class NetworkRunExecutorCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Cancel_InTheMiddleOfAnEpoch_StopsBeforeThatEpochEnds()
    {
        // Batch size 1 on 3000 training rows: an epoch is 3000 optimizer steps (about 0.1 to 0.8 s). The cancel
        // lands 30 ms into epoch 3: a fixed delay, because on a loaded machine one epoch can take four times the
        // next (a quarter of epoch 2 once outlasted all of epoch 3). A trainer that only looked at the token
        // between epochs would still finish and publish epoch 3.
        var definition = Trainer.Definition(CircleTestSource.Name, 4) with
        {
            Data = new DataSpec(CircleTestSource.Name, Points: 6000),
            Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.01),
            Training = new TrainingSpec(Epochs: 50, BatchSize: 1, FrameIntervalMs: 60_000),
        };
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        var cancelledAt = TimeSpan.Zero;
        var epochLength = TimeSpan.Zero;
        Task? canceller = null;
        run.Events.Published += e =>
        {
            if (e.Kind == TrainingEventKind.Epoch && e.Metrics!.Epoch == 2)
            {
                epochLength = log.Now - log.TimeOf(f => f.Metrics?.Epoch == 1);
                canceller = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(30));
                    cancelledAt = log.Now;
                    run.Cancel();
                });
            }
        };

        var trainer = Task.Factory.StartNew(() => Trainer.Executor().Execute(run), TaskCreationOptions.LongRunning);
        var end = await log.Terminal.WaitAsync(TimeSpan.FromSeconds(30));
        await trainer;
        await canceller!;

        var stopLatency = log.TimeOf(e => e.IsTerminal) - cancelledAt;
        output.WriteLine($"epoch 2 took {epochLength.TotalMilliseconds:F0} ms; stopped {stopLatency.TotalMilliseconds:F1} ms after Cancel");
        Assert.Equal(ExperimentStatus.Cancelled, end.Status);
        Assert.Equal([1, 2], log.Epochs.Select(m => m.Epoch));
        Assert.True(epochLength > TimeSpan.FromMilliseconds(100), $"epoch too short to tell: {epochLength}");
        Assert.True(stopLatency < epochLength / 4, $"stopped {stopLatency} after Cancel; an epoch takes {epochLength}");
    }

    [Fact]
    public void Cancel_BeforeTheRunStarts_EndsCancelledWithoutEpochs()
    {
        using var run = Trainer.NewRun(Trainer.Definition(CircleTestSource.Name, 4));
        var log = new RunLog(run);
        run.Cancel();

        Trainer.Executor().Execute(run);

        Assert.Equal(ExperimentStatus.Cancelled, log.Last.Status);
        Assert.Empty(log.Epochs);
    }
}
