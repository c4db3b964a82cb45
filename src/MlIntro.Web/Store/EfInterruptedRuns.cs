using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Store;

/// <summary><see cref="IInterruptedRuns"/> on the same EF Core tables as <see cref="EfExperimentStore"/>.</summary>
public sealed class EfInterruptedRuns(IDbContextFactory<ExperimentDbContext> contextFactory) : IInterruptedRuns
{
    public async Task<IReadOnlyList<InterruptedRun>> InterruptedStudiesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Studies are the tuning lesson's runs; the definition says for sure.
        var rows = await db.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatus.Interrupted && e.Lesson == Lesson.Tuning)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Id, e.DefinitionJson, e.OwnerId })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new InterruptedRun(r.Id, JsonSerializer.Deserialize<ExperimentDefinition>(r.DefinitionJson, ExperimentJson.Options)!, r.OwnerId))
            .Where(r => r.Definition.Study is not null)];
    }

    public async Task<InterruptedRun?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Experiments.AsNoTracking()
            .Where(e => e.Id == id && e.Status == ExperimentStatus.Interrupted)
            .Select(e => new { e.Id, e.DefinitionJson, e.OwnerId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null
            : new InterruptedRun(row.Id, JsonSerializer.Deserialize<ExperimentDefinition>(row.DefinitionJson, ExperimentJson.Options)!, row.OwnerId);
    }

    public async Task<IReadOnlyList<TrainingEvent>?> ReopenAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (experiment is not { Status: ExperimentStatus.Interrupted })
        {
            return null;
        }
        var rows = await db.Events.Where(e => e.ExperimentId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        // The run goes on from its last checkpoint: epochs recorded after it will be trained again.
        var from = rows.LastOrDefault(r => r.Kind == TrainingEventKind.Checkpoint)?.Sequence ?? long.MaxValue;
        var kept = new List<TrainingEvent>(rows.Count);
        foreach (var row in rows)
        {
            var e = JsonSerializer.Deserialize<TrainingEvent>(row.Json, ExperimentJson.Options)!;
            if (e.IsTerminal || row.Sequence > from)
            {
                db.Events.Remove(row); // the stream goes on: an end in its middle would stop every replay there
            }
            else
            {
                kept.Add(e);
            }
        }
        experiment.Status = ExperimentStatus.Queued;
        experiment.Message = null;
        experiment.FinishedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return kept;
    }
}
