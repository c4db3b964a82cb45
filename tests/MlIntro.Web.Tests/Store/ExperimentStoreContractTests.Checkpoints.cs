using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Cluster;
using MlIntro.Web.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Store;

/// <summary>
/// Checkpoints and the cluster's owner quota on both providers: the store keeps a run's latest checkpoint only, and
/// reopening an interrupted run drops what came after its last checkpoint (the run trains those epochs again).
/// </summary>
public abstract partial class ExperimentStoreContractTests
{
    private static TrainingEvent Checkpoint(long sequence, int epoch) =>
        new(sequence, TrainingEventKind.Checkpoint, ExperimentStatus.Running, Checkpoint: new ModelCheckpoint(epoch, [[epoch, 0.5f]], [[-epoch]]));

    [Fact]
    public async Task AppendAsync_CheckpointsInAndAcrossBatches_KeepsOnlyTheLatest()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);

        await host.Store.AppendAsync("run-1", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.7, 0.7), Checkpoint(2, 1)], Ct);
        await host.Store.AppendAsync("run-1", [Epoch(3, 2, 0.6, 0.6), Checkpoint(4, 2), Epoch(5, 3, 0.5, 0.5), Checkpoint(6, 3)], Ct);
        var events = await host.Store.EventsAsync("run-1", Ct);

        var checkpoint = Assert.Single(events, e => e.Kind == TrainingEventKind.Checkpoint);
        Assert.Equal(6, checkpoint.Sequence);
        Assert.Equal(3, checkpoint.Checkpoint!.Epoch);
        Assert.Equal([3f, 0.5f], checkpoint.Checkpoint.Weights[0]);
        Assert.Equal([1, 2, 3], events.Where(e => e.Kind == TrainingEventKind.Epoch).Select(e => e.Metrics!.Epoch));
    }

    [Fact]
    public async Task ReopenAsync_InterruptedAfterACheckpoint_KeepsEventsUpToItAndDropsTheRest()
    {
        await using var host = await OpenAsync(_clock);
        await host.Store.CreateAsync("run-1", Definition(), "owner-1", Start, Ct);
        await host.Store.AppendAsync("run-1",
        [
            Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.7, 0.7), Checkpoint(2, 1), Epoch(3, 2, 0.6, 0.6), Epoch(4, 3, 0.5, 0.5),
            Status(5, ExperimentStatus.Interrupted, "worker gone"),
        ], Ct);
        var interrupted = new EfInterruptedRuns(host.Services.GetRequiredService<IDbContextFactory<ExperimentDbContext>>());

        var found = await interrupted.FindAsync("run-1", Ct);
        var kept = await interrupted.ReopenAsync("run-1", Ct);
        var stored = await host.Store.EventsAsync("run-1", Ct);

        Assert.Equal("owner-1", found!.OwnerId);
        Assert.Equal([0L, 1, 2], kept!.Select(e => e.Sequence));
        Assert.Equal([0L, 1, 2], stored.Select(e => e.Sequence));
        Assert.Equal(ExperimentStatus.Queued, (await host.Store.FindAsync("run-1", Ct))!.Status);
        Assert.Null(await interrupted.FindAsync("run-1", Ct));
    }

    [Fact]
    public async Task ClusterOwnerQuota_CountsTheOwnersUnfinishedRunsThatAreStillLive()
    {
        await using var host = await OpenAsync(_clock);
        foreach (var (id, owner, end) in new[] { ("a", "owner-1", (ExperimentStatus?)null), ("b", "owner-1", null), ("c", "owner-1", ExperimentStatus.Finished), ("d", "owner-2", null) })
        {
            await host.Store.CreateAsync(id, Definition(), owner, Start, Ct);
            await host.Store.AppendAsync(id, [Status(0, end ?? ExperimentStatus.Running)], Ct);
        }
        var quota = new ClusterOwnerQuota(
            host.Services.GetRequiredService<IDbContextFactory<ExperimentDbContext>>(), Options.Create(new TrainingOptions { MaxRunsPerOwner = 2 }));

        var full = await Assert.ThrowsAsync<TrainingRejectedException>(() => quota.ThrowIfFullAsync(new RunOwner("owner-1"), _ => Task.FromResult(true), Ct));
        await quota.ThrowIfFullAsync(new RunOwner("owner-2"), _ => Task.FromResult(true), Ct);
        // Run "b" has ended on its worker; the store has not heard yet.
        await quota.ThrowIfFullAsync(new RunOwner("owner-1"), id => Task.FromResult(id != "b"), Ct);

        Assert.Equal("You already have 2 unfinished runs (the limit is 2); cancel one or wait for it to finish.", full.Message);
    }
}
