using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Store;

namespace MlIntro.Web.Cluster;

/// <summary>
/// <c>Training:MaxRunsPerOwner</c> across the cluster: each worker's scheduler counts only the runs it trains, so a front
/// end counts the owner's unfinished runs in the shared store before it places a new one. The store learns of a run's
/// end up to a second late (the recorder gathers its writes), so when it shows the owner at the limit the runs' grains
/// are asked whether they still train. Two Starts at the same moment can both pass; each worker still holds the limit
/// for its own runs.
/// </summary>
public sealed class ClusterOwnerQuota(IDbContextFactory<ExperimentDbContext> contexts, IOptions<TrainingOptions> options)
{
    /// <param name="isLive">Whether a run the store shows unfinished is still queued or training.</param>
    public async Task ThrowIfFullAsync(RunOwner owner, Func<string, Task<bool>> isLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(isLive);
        List<string> unfinished;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            unfinished = await db.Experiments.AsNoTracking()
                .Where(e => e.OwnerId == owner.Id && (e.Status == ExperimentStatus.Queued || e.Status == ExperimentStatus.Running))
                .Select(e => e.Id)
                .ToListAsync(cancellationToken);
        }
        var limit = options.Value.MaxRunsPerOwner;
        if (unfinished.Count < limit)
        {
            return;
        }
        var live = await Task.WhenAll(unfinished.Select(isLive));
        var active = live.Count(l => l);
        if (active >= limit)
        {
            throw new TrainingRejectedException(
                $"You already have {active} unfinished runs (the limit is {limit}); cancel one or wait for it to finish.");
        }
    }
}
