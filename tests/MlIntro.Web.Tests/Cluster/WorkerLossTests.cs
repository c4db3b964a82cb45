using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Web.Cluster;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>
/// Issue 14 item 5: a run whose worker is gone ends as interrupted, keeping the epochs it recorded. An in-process test
/// cluster cannot kill a silo the way kill -9 does (its "kill" still runs the host's stop, which interrupts runs
/// cleanly), so this starts from what a killed worker leaves in the shared store; the process-level kill belongs to
/// the cluster-local smoke test.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class WorkerLossTests(PostgresServer server)
{
    [Fact]
    public async Task Watch_RunStoredAsTrainingButHeldByNoWorker_EndsInterruptedWithItsRecordedEpochs()
    {
        using var timeout = HubClient.Timeout(180);
        await using var cluster = await TrainingCluster.StartAsync(await server.CreateDatabaseAsync(timeout.Token));
        // What a worker killed mid-run leaves in the shared store: a running run with three epochs.
        var store = cluster.Workers[0].ServiceProvider.GetRequiredService<IExperimentStore>();
        var id = ExperimentIds.New();
        await store.CreateAsync(id, Definitions.SmallMlp(epochs: 50), "owner-1", DateTimeOffset.UtcNow, timeout.Token);
        await store.AppendAsync(id,
        [
            new TrainingEvent(0, TrainingEventKind.Status, ExperimentStatus.Running),
            .. Enumerable.Range(1, 3).Select(e => new TrainingEvent(e, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: new EpochMetrics(e, 1.0 / e, 1.1 / e))),
        ], timeout.Token);

        var events = new List<TrainingEvent>();
        await foreach (var e in TrainingCluster.GrainsOf(cluster.FrontEnd).GetGrain<IRunGrain>(id).WatchAsync(timeout.Token))
        {
            events.Add(e);
        }
        var stored = await store.FindAsync(id, timeout.Token);

        Assert.Equal([1, 2, 3], events.EpochMetrics().Select(m => m.Epoch));
        Assert.Equal((ExperimentStatus.Interrupted, OrphanedRuns.Message), (events[^1].Status, events[^1].Message));
        Assert.Equal(ExperimentStatus.Interrupted, stored!.Status);
    }
}
