using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Batching;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Races;
using MlIntro.Training.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Batching;

/// <summary>
/// Issue 9, items 1 and 2: one Start of a huge network froze every Playground run (the stacked engine took it on its one
/// thread), and neither Cancel nor a server stop could end an epoch in progress.
/// </summary>
[Collection("torch")]
public sealed class StackedEngineBoundsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly NetworkRunExecutor _network = Trainer.Executor();
    private readonly StackedRunExecutor _stacked = Stacked(new TrainingOptions { ThreadsPerRun = 1 });
    private readonly List<(ExperimentRun Run, Task Thread)> _started = [];

    /// <summary>The issue's repro on the test spiral: ten layers of 512, 50,000 points (45,000 to train), batch 1, Adam.</summary>
    private static ExperimentDefinition Repro => Trainer.Definition(SpiralTestSource.Name, [.. Enumerable.Repeat(512, 10)]) with
    {
        Data = new DataSpec(SpiralTestSource.Name, Points: 50_000, TrainFraction: 0.9),
        Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.001),
        Training = new TrainingSpec(Epochs: 1, BatchSize: 1, FrameIntervalMs: 60_000),
    };

    /// <summary>The Playground's default network (2-4-2-1 tanh, batch 10) on 200 points, for ever.</summary>
    private static ExperimentDefinition SmallEndless => Trainer.Definition(CircleTestSource.Name, 4, 2) with
    {
        Training = new TrainingSpec(Epochs: 1_000_000, BatchSize: 10, FrameIntervalMs: 60_000),
    };

    public void Dispose()
    {
        foreach (var (run, _) in _started)
        {
            run.Cancel();
        }
        Task.WaitAll([.. _started.Select(s => s.Thread)], Patience);
        _stacked.Dispose();
        _started.ForEach(s => s.Run.Dispose());
    }

    [Fact]
    public void Accepts_IssueRepro_IsRefusedWhileTheBiggestPlaygroundRunsAreTaken()
    {
        // By hand: 2·512+512 + 9·(512·512+512) + 513 = 2,365,953 parameters; 45,000 training and 5,000 test rows;
        // 45,000 steps of 11 weight layers. 2,365,953 · (4·45,000 + 5,000 + 2,900) + 45,000 · 11 · 10⁵ = 4.940e11.
        const double reproCost = 2_365_953d * 187_900 + 45_000d * 11 * 100_000;
        // 8 layers of 8 on all 7 features: 7·8+8 + 7·(8·8+8) + 9 = 577 parameters; 450 + 50 rows; batch 1: 450 steps of 9 layers.
        const double biggestPlaygroundCost = 577d * (4 * 450 + 50 + 2_900) + 450d * 9 * 100_000;
        var biggestPlayground = Trainer.Definition(CircleTestSource.Name, [.. Enumerable.Repeat(8, 8)]) with
        {
            Data = new DataSpec(CircleTestSource.Name, Points: 500, TrainFraction: 0.9, Features: PlaneFeatures.All),
            Training = new TrainingSpec(Epochs: 100, BatchSize: 1),
        };
        using var repro = Trainer.NewRun(Repro);
        using var biggest = Trainer.NewRun(biggestPlayground);
        using var biggestBatch30 = Trainer.NewRun(biggestPlayground with { Training = new TrainingSpec(Epochs: 100, BatchSize: 30) });
        var selector = new RunExecutorSelector(_network, RaceRuns.NetworkExecutor(), RaceRuns.SurfaceExecutor(), _stacked);

        var reproExecutor = selector.For(repro);

        Assert.Equal(reproCost, StackedCost.PerEpoch(Repro), 1e-6 * reproCost);
        Assert.Equal(biggestPlaygroundCost, StackedCost.PerEpoch(biggestPlayground), 1e-6 * biggestPlaygroundCost);
        Assert.Same(_network, reproExecutor);
        Assert.False(_stacked.Accepts(repro));
        Assert.True(_stacked.Accepts(biggest));
        Assert.True(_stacked.Accepts(biggestBatch30));
        Assert.True(new TrainingOptions().StackedMaxEpochCost >= biggestPlaygroundCost);
    }

    [Fact]
    public async Task Execute_IssueReproBesideASmallStackedRun_SmallRunKeepsTenEpochsPerSecondAndReproEndsWithinTwoSecondsOfCancel()
    {
        var small = Start(SmallEndless, _stacked);
        await Waits.UntilAsync(() => small.Log.Epochs.Count >= 3, Patience, "the small run trains");
        var selector = new RunExecutorSelector(_network, RaceRuns.NetworkExecutor(), RaceRuns.SurfaceExecutor(), _stacked);
        var repro = Start(Repro, selector.For);
        // The epoch-0 frame is published right before the batch loop: from then on the repro trains.
        await Waits.UntilAsync(() => repro.Log.Events.Any(e => e.Kind == TrainingEventKind.Boundary), Patience, "the repro trains");

        var before = small.Log.Epochs.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var smallEpochs = small.Log.Epochs.Count - before;
        var cancelled = Stopwatch.StartNew();
        repro.Run.Cancel();
        var end = await repro.Log.Terminal.WaitAsync(Patience);
        var ended = cancelled.Elapsed;
        await repro.Thread.WaitAsync(Patience);
        var threadDone = cancelled.Elapsed;
        output.WriteLine($"small run: {smallEpochs / 2.0:F1} epochs/s beside the repro; repro ended {ended.TotalMilliseconds:F0} ms, thread {threadDone.TotalMilliseconds:F0} ms after Cancel");

        Assert.True(smallEpochs >= 20, $"the small stacked run trained {smallEpochs} epochs in 2 s beside the repro (at least 20 expected)");
        Assert.Empty(repro.Log.Epochs);
        // Its frame is the boundary alone: the picture of 5,120 neurons and 2.4 million weights would be ~50 MB of JSON.
        var frame = repro.Log.Events.First(e => e.Kind == TrainingEventKind.Boundary).Boundary!;
        Assert.Equal(50 * 50, frame.Output.Length);
        Assert.Null(frame.Neurons);
        Assert.Null(frame.Weights);
        Assert.Equal(ExperimentStatus.Cancelled, end.Status);
        Assert.True(ended < TimeSpan.FromSeconds(2), $"the repro ended {ended.TotalMilliseconds:F0} ms after Cancel");
        Assert.True(threadDone < TimeSpan.FromSeconds(2), $"the repro's thread returned {threadDone.TotalMilliseconds:F0} ms after Cancel");
        Assert.False(small.Log.Terminal.IsCompleted);
    }

    [Fact]
    public async Task Cancel_MemberInALongEpoch_TheOtherStackResumesWithinASecond()
    {
        // With no cost limit, 8 layers of 64 on 9,000 rows at batch 1 spend seconds in one engine epoch.
        using var unlimited = Stacked(new TrainingOptions { ThreadsPerRun = 1, StackedMaxEpochCost = double.MaxValue });
        var small = Start(SmallEndless, unlimited);
        await Waits.UntilAsync(() => small.Log.Epochs.Count >= 3, Patience, "the small run trains");
        var slow = Start(LongEpochs, unlimited);
        await Waits.UntilAsync(() => slow.Log.Events.Any(e => e.Kind == TrainingEventKind.Boundary), Patience, "the slow run joins");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stalledAt = small.Log.Epochs.Count;

        var cancelled = Stopwatch.StartNew();
        slow.Run.Cancel();
        await Waits.UntilAsync(() => small.Log.Epochs.Count >= stalledAt + 2, Patience, "the small run trains again");
        var resumed = cancelled.Elapsed;
        output.WriteLine($"the other stack trained again {resumed.TotalMilliseconds:F0} ms after Cancel");

        Assert.Empty(slow.Log.Epochs);
        Assert.Equal(ExperimentStatus.Cancelled, (await slow.Log.Terminal.WaitAsync(Patience)).Status);
        Assert.True(resumed < TimeSpan.FromSeconds(1), $"the other stack trained again {resumed.TotalMilliseconds:F0} ms after Cancel");
    }

    [Fact]
    public async Task StopEngine_MidEpoch_JoinsWithinASecondAndEndsItsRunsInterrupted()
    {
        using var unlimited = Stacked(new TrainingOptions { ThreadsPerRun = 1, StackedMaxEpochCost = double.MaxValue });
        var small = Start(SmallEndless, unlimited);
        var slow = Start(LongEpochs, unlimited);
        await Waits.UntilAsync(() => slow.Log.Events.Any(e => e.Kind == TrainingEventKind.Boundary) && small.Log.Epochs.Count >= 1,
            Patience, "both runs train");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var stopping = Stopwatch.StartNew();
        var joined = unlimited.StopEngine(TimeSpan.FromSeconds(10));
        var stopped = stopping.Elapsed;
        output.WriteLine($"engine joined {stopped.TotalMilliseconds:F0} ms after Stop");

        Assert.True(joined, "the engine thread ended");
        Assert.True(stopped < TimeSpan.FromSeconds(1), $"the engine stopped {stopped.TotalMilliseconds:F0} ms after it was asked to");
        foreach (var (run, log, thread) in new[] { small, slow })
        {
            await thread.WaitAsync(Patience);
            Assert.Equal(ExperimentStatus.Interrupted, log.Last.Status);
            Assert.Equal(ExperimentRun.InterruptedMessage, log.Last.Message);
        }
        Assert.True(small.Log.Epochs.Count >= 1);
    }

    [Fact]
    public async Task Interrupt_RunOnItsOwnThread_EndsInterruptedNotCancelled()
    {
        var run = Start(SmallEndless, _network);
        await Waits.UntilAsync(() => run.Log.Epochs.Count >= 2, Patience, "the run trains");

        run.Run.Interrupt();
        var end = await run.Log.Terminal.WaitAsync(Patience);

        Assert.Equal(ExperimentStatus.Interrupted, end.Status);
        Assert.Equal(ExperimentRun.InterruptedMessage, end.Message);
        Assert.True(run.Log.Epochs.Count >= 2);
    }

    /// <summary>8 layers of 64 on 10,000 spiral points at batch 1: 9,000 steps, seconds per epoch.</summary>
    private static ExperimentDefinition LongEpochs => Trainer.Definition(SpiralTestSource.Name, [.. Enumerable.Repeat(64, 8)]) with
    {
        Data = new DataSpec(SpiralTestSource.Name, Points: 10_000, TrainFraction: 0.9),
        Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.001),
        Training = new TrainingSpec(Epochs: 100, BatchSize: 1, FrameIntervalMs: 60_000),
    };

    private static StackedRunExecutor Stacked(TrainingOptions options) => new(
        new DatasetCatalog([new CircleTestSource(), new SpiralTestSource()]), torch.CPU, options, Trainer.Executor(), NullLoggerFactory.Instance);

    private (ExperimentRun Run, RunLog Log, Task Thread) Start(ExperimentDefinition definition, IRunExecutor executor) =>
        Start(definition, _ => executor);

    /// <summary>Runs <paramref name="definition"/> on a thread of its own, as the scheduler does, with the executor <paramref name="executorFor"/> picks.</summary>
    private (ExperimentRun Run, RunLog Log, Task Thread) Start(ExperimentDefinition definition, Func<ExperimentRun, IRunExecutor> executorFor)
    {
        var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        var executor = executorFor(run);
        var thread = Task.Factory.StartNew(() => executor.Execute(run), TaskCreationOptions.LongRunning);
        _started.Add((run, thread));
        return (run, log, thread);
    }
}
