using System.Diagnostics;
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
    public async Task PlaygroundRun_StartedOnFrontEndA_IsWatchedToItsEndOnFrontEndB()
    {
        using var timeout = HubClient.Timeout(240);
        await using var cluster = await LocalCluster.StartAsync(workers: 1, timeout.Token);
        await using var a = await LocalCluster.ConnectAsync(cluster.FrontA, timeout.Token);
        await using var b = await LocalCluster.ConnectAsync(cluster.FrontB, timeout.Token);

        var id = await a.StartRunAsync(Spiral(epochs: 30), timeout.Token);
        var events = await b.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(Enumerable.Range(1, 30), events.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.Equal(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        Assert.Contains($"Run {id} trains on silo", cluster.Log(cluster.Workers[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_KilledMidRun_ItsRunEndsInterruptedWithItsEpochs_AndWatchersAreTold()
    {
        using var timeout = HubClient.Timeout(300);
        await using var cluster = await LocalCluster.StartAsync(workers: 2, timeout.Token);
        await using var a = await LocalCluster.ConnectAsync(cluster.FrontA, timeout.Token);
        await using var b = await LocalCluster.ConnectAsync(cluster.FrontB, timeout.Token);
        var id = await a.StartRunAsync(Spiral(epochs: 100_000), timeout.Token);

        var seen = new List<TrainingEvent>();
        var threeEpochs = new TaskCompletionSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in b.WatchRun(id, timeout.Token))
            {
                lock (seen)
                {
                    seen.Add(e);
                }
                if (e.Metrics is { Epoch: >= 3 })
                {
                    threeEpochs.TrySetResult();
                }
            }
        }, timeout.Token);
        await threeEpochs.Task.WaitAsync(timeout.Token);
        var trainer = cluster.Workers.Single(w => cluster.Log(w).Contains($"Run {id} trains on silo", StringComparison.Ordinal));

        cluster.Kill(trainer);
        var clock = Stopwatch.StartNew();
        await watching.WaitAsync(timeout.Token);
        var told = clock.Elapsed;
        output.WriteLine($"watchers told {told.TotalSeconds:F1} s after kill -9 of {trainer}");
        var replay = await a.WatchToEndAsync(id, timeout.Token);

        List<int> epochsSeen;
        lock (seen)
        {
            epochsSeen = [.. seen.EpochMetrics().Select(m => m.Epoch)];
        }
        Assert.Equal(ExperimentStatus.Interrupted, seen[^1].Status);
        Assert.Equal(ExperimentStatus.Interrupted, replay[^1].Status);
        Assert.True(epochsSeen.Count >= 3);
        // Every epoch the store had is kept; the watcher saw them all (a few last ones may not have been stored yet).
        var kept = replay.EpochMetrics().Select(m => m.Epoch).ToList();
        Assert.Equal(Enumerable.Range(1, kept.Count), kept);
        Assert.True(kept.Count >= 3 && kept.Count <= epochsSeen[^1], $"{kept.Count} epochs kept, {epochsSeen[^1]} seen");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcessGroup
{
    public const string Name = "cluster processes";
}
