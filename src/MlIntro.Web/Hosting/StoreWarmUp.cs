using Microsoft.EntityFrameworkCore;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Runs the store's write path once at start-up (insert a run, append an event, read them back) inside a transaction
/// that is rolled back, so nothing is kept. The first insert of a fresh process compiles EF Core's update and query
/// pipelines; measured under load (docs/BENCHMARKS.md, "Load") that took about 2 s, and a room that pressed Start
/// together all waited for it.
/// </summary>
internal sealed class StoreWarmUp(IDbContextFactory<ExperimentDbContext> contexts, TimeProvider time, ILogger<StoreWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var id = "warm-up-" + Guid.NewGuid().ToString("N");
            db.Experiments.Add(new ExperimentEntity
            {
                Id = id,
                DataName = "",
                DefinitionJson = "{}",
                OwnerId = id,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            // The same query shapes as EfExperimentStore.AppendAsync, so their compiled forms are cached too.
            var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
            var (first, last) = (1L, 1L);
            var taken = await db.Events.AsNoTracking()
                .Where(e => e.ExperimentId == id && e.Sequence >= first && e.Sequence <= last)
                .Select(e => e.Sequence)
                .ToListAsync(cancellationToken);
            db.Events.Add(new ExperimentEventEntity { ExperimentId = id, Sequence = 1 + taken.Count, Kind = TrainingEventKind.Status, Json = "{}" });
            experiment!.Status = ExperimentStatus.Running;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Only a head start: a store that cannot write is reported by its own start-up check and by Start.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogDebug(ex, "Store warm-up skipped");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
