using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Store;

namespace MlIntro.Web.Cluster;

/// <summary>
/// <c>Training:MaxRunsPerOwner</c> across the cluster: each worker's scheduler counts only the runs it trains, so a front
/// end counts the owner's unfinished runs in the shared store before it places a new one. Two Starts at the same moment
/// can both pass; each worker still holds the limit for its own runs.
/// </summary>
public sealed class ClusterOwnerQuota(IDbContextFactory<ExperimentDbContext> contexts, IOptions<TrainingOptions> options)
{
    public async Task ThrowIfFullAsync(RunOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.Experiments.AsNoTracking()
            .CountAsync(e => e.OwnerId == owner.Id && (e.Status == ExperimentStatus.Queued || e.Status == ExperimentStatus.Running), cancellationToken);
        var limit = options.Value.MaxRunsPerOwner;
        if (active >= limit)
        {
            throw new TrainingRejectedException(
                $"You already have {active} unfinished runs (the limit is {limit}); cancel one or wait for it to finish.");
        }
    }
}
