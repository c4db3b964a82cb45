using MlIntro.Core.Experiments;
using MlIntro.Training.Batching;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Batching;

/// <summary>
/// A full engine sends fewer frames per run rather than longer gaps between everyone's epochs: the load benchmark
/// (docs/BENCHMARKS.md, "Load") measured 30 runs at 22 epochs/s each with a frame every epoch, 76 with spaced frames.
/// </summary>
[Collection("torch")]
public sealed class StackedFrameSpacingTests : IDisposable
{
    private const int Runs = 10;
    private const int SpacingPerRunMs = 8; // StackedPlaygroundEngine.FrameSpacingPerRunMs
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly StackedRunExecutor _stacked = Trainer.Stacked(new CircleTestSource());

    public void Dispose() => _stacked.Dispose();

    [Fact]
    public async Task Execute_TenRunsAskingForAFrameEvery10Ms_EachGetsAFrameAtMostEvery72Ms()
    {
        var endless = Trainer.Definition(CircleTestSource.Name, 4, 2) with
        {
            Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.03),
            Training = new TrainingSpec(Epochs: 1_000_000, BatchSize: 10, FrameIntervalMs: 10),
        };
        var runs = Enumerable.Range(1, Runs).Select(seed => Trainer.NewRun(endless with { Seed = seed })).ToList();
        var logs = runs.Select(r => new RunLog(r)).ToList();
        var threads = runs.Select(r => Task.Factory.StartNew(() => _stacked.Execute(r), TaskCreationOptions.LongRunning)).ToList();
        await WaitUntilAsync(() => logs.All(l => l.Epochs.Count >= 1));
        var frames = logs.ConvertAll(l => Frames(l));
        var epochs = logs.ConvertAll(l => l.Epochs.Count);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await WaitUntilAsync(() => clock.Elapsed >= TimeSpan.FromSeconds(2) && logs.All(l => l.Epochs.Count >= 50));
        var elapsedMs = clock.Elapsed.TotalMilliseconds;
        var framesSent = logs.Select((l, i) => Frames(l) - frames[i]).ToList();
        var epochsTrained = logs.Select((l, i) => l.Epochs.Count - epochs[i]).ToList();
        runs.ForEach(r => r.Cancel());
        await Task.WhenAll(threads).WaitAsync(Patience);
        runs.ForEach(r => r.Dispose());

        var mostFrames = elapsedMs / ((Runs - 1) * SpacingPerRunMs) + 2;
        Assert.All(framesSent, f => Assert.True(f <= mostFrames, $"{f} frames in {elapsedMs:F0} ms; at most {mostFrames:F0} expected"));
        // Fewer frames than epochs (before, a run asking for 10 ms got one every epoch), unless a loaded machine made
        // every epoch itself longer than the spacing.
        var spacingMs = (Runs - 1) * SpacingPerRunMs;
        Assert.All(epochsTrained.Zip(framesSent), p => Assert.True(
            p.First > p.Second || elapsedMs / p.First >= spacingMs, $"{p.First} epochs, {p.Second} frames in {elapsedMs:F0} ms"));
        Assert.All(framesSent, f => Assert.True(f >= 1, "frames still flow"));
    }

    private static int Frames(RunLog log) => log.Events.Count(e => e.Kind == TrainingEventKind.Boundary);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(5);
        }
    }
}
