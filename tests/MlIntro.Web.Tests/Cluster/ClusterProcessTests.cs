using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>
/// Issue 14 through <c>scripts/cluster-local.sh</c>: front ends and workers as separate processes on loopback, as an
/// operator starts them. A worker is killed with SIGKILL, which an in-process test cluster cannot do.
/// </summary>
[Collection(ClusterProcessGroup.Name)]
public sealed class ClusterProcessTests(ITestOutputHelper output)
{
    private static ExperimentDefinition Spiral(int epochs) => new(
        Lesson.Playground,
        new DataSpec("spiral", Points: 200, TrainFraction: 0.5),
        new ModelSpec([new HiddenLayer(8), new HiddenLayer(4)]),
        new OptimizerSpec(OptimizerKind.Adam, 0.03),
        new TrainingSpec(Epochs: epochs, BatchSize: 10),
        Seed: 3);

    [Fact]
    public async Task PlaygroundRun_StartedOnFrontEndA_IsWatchedToItsEndOnFrontEndB_EvenWhenAIsKilled()
    {
        using var timeout = HubClient.Timeout(300);
        await using var cluster = await LocalCluster.StartAsync(workers: 1, timeout.Token);
        await using var a = await LocalCluster.ConnectAsync(cluster.FrontA, timeout.Token);
        await using var b = await LocalCluster.ConnectAsync(cluster.FrontB, timeout.Token);

        var id = await a.StartRunAsync(Spiral(epochs: 30), timeout.Token);
        var events = await b.WatchToEndAsync(id, timeout.Token);
        // A front end that dies loses only its connections: the run it started trains on and B still shows it.
        var second = await a.StartRunAsync(SlowSpiral(epochs: 12), timeout.Token);
        cluster.Kill("front-a");
        var afterKill = await b.WatchToEndAsync(second, timeout.Token);

        Assert.Equal(Enumerable.Range(1, 30), events.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.Equal(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        Assert.Contains($"Run {id} trains on silo", cluster.Log(cluster.Workers[0]), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 12), afterKill.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(ExperimentStatus.Finished, afterKill[^1].Status);
    }

    /// <summary>About two epochs a second on the stacked engine: long enough to kill its worker mid-run.</summary>
    private static ExperimentDefinition SlowSpiral(int epochs) => new(
        Lesson.Playground,
        new DataSpec("spiral", Points: 1000, TrainFraction: 0.5),
        new ModelSpec([new HiddenLayer(8), new HiddenLayer(4)]),
        new OptimizerSpec(OptimizerKind.Adam, 0.01),
        new TrainingSpec(Epochs: epochs, BatchSize: 1),
        Seed: 5);

    [Fact]
    public async Task Worker_KilledMidRun_RunEndsInterruptedWithItsEpochs_WatchersAreTold_AndResumeFinishesItOnTheOtherWorker()
    {
        const int epochs = 60;
        using var timeout = HubClient.Timeout(420);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, timeout.Token);
        await using var a = await LocalCluster.ConnectAsync(cluster.FrontA, timeout.Token);
        await using var b = await LocalCluster.ConnectAsync(cluster.FrontB, timeout.Token);
        var id = await a.StartRunAsync(SlowSpiral(epochs), timeout.Token);

        var seen = new List<TrainingEvent>();
        var pastCheckpoint = new TaskCompletionSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in b.WatchRun(id, timeout.Token))
            {
                lock (seen)
                {
                    seen.Add(e);
                }
                // Checkpoints come after epochs 1 and 10; a few epochs later the one of epoch 10 is surely stored.
                if (e.Metrics is { Epoch: >= 14 })
                {
                    pastCheckpoint.TrySetResult();
                }
            }
        }, timeout.Token);
        await pastCheckpoint.Task.WaitAsync(timeout.Token);
        var trainer = cluster.Workers.Single(w => cluster.Log(w).Contains($"Run {id} trains on silo", StringComparison.Ordinal));
        var other = cluster.Workers.Single(w => w != trainer);

        cluster.Kill(trainer);
        var clock = Stopwatch.StartNew();
        await watching.WaitAsync(timeout.Token);
        output.WriteLine($"watchers told {clock.Elapsed.TotalSeconds:F1} s after kill -9 of {trainer}");
        var interrupted = await a.WatchToEndAsync(id, timeout.Token);

        var resumed = await a.InvokeAsync<bool>("ResumeInterrupted", id, timeout.Token);
        var finished = await b.WatchToEndAsync(id, timeout.Token);

        List<int> epochsSeen;
        lock (seen)
        {
            epochsSeen = [.. seen.EpochMetrics().Select(m => m.Epoch)];
        }
        Assert.Equal(ExperimentStatus.Interrupted, seen[^1].Status);
        Assert.Equal(ExperimentStatus.Interrupted, interrupted[^1].Status);
        var kept = interrupted.EpochMetrics().Select(m => m.Epoch).ToList();
        Assert.Equal(Enumerable.Range(1, kept.Count), kept);
        Assert.True(kept.Count >= 10 && kept.Count <= epochsSeen[^1], $"{kept.Count} epochs kept, {epochsSeen[^1]} seen");

        Assert.True(resumed);
        Assert.Equal(ExperimentStatus.Finished, finished[^1].Status);
        Assert.Equal(Enumerable.Range(1, epochs), finished.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(finished.Count, finished.Select(e => e.Sequence).Distinct().Count());
        Assert.DoesNotContain(finished, e => e.Kind == TrainingEventKind.Checkpoint);
        var otherLog = cluster.Log(other);
        Assert.Contains($"Run {id} trains on silo", otherLog, StringComparison.Ordinal);
        var from = System.Text.RegularExpressions.Regex.Match(otherLog, $"Run {id} goes on from its checkpoint after epoch (\\d+)");
        Assert.True(from.Success, "the other worker resumed from a checkpoint");
        var checkpointEpoch = int.Parse(from.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(checkpointEpoch >= 10 && checkpointEpoch % 10 == 0, $"resumed after epoch {checkpointEpoch}");
        // Epochs after the checkpoint were trained again by the other worker, so the store kept only those up to it.
        Assert.True(kept.Count >= checkpointEpoch);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcessGroup
{
    public const string Name = "cluster processes";
}
