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
        var kept = new List<TrainingEvent>(rows.Count);
        foreach (var row in rows)
        {
            var e = JsonSerializer.Deserialize<TrainingEvent>(row.Json, ExperimentJson.Options)!;
            if (e.IsTerminal)
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
