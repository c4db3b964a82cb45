using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Store;

/// <summary>
/// <see cref="IExperimentStore"/> on EF Core. Thread-safe: every call opens its own short-lived context.
/// Definitions and events are stored as <see cref="ExperimentJson"/> JSON, so they read back exactly as written.
/// </summary>
/// <remarks>
/// Appends for one experiment are expected from one writer at a time (the training service's background writer);
/// two concurrent appends of the same new sequence would make the second fail on the primary key.
/// </remarks>
public sealed class EfExperimentStore(IDbContextFactory<ExperimentDbContext> contextFactory, TimeProvider timeProvider) : IExperimentStore
{
    /// <exception cref="StorageUnavailableException">The disk or file cannot be written.</exception>
    public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        WriteAsync(() => CreateCoreAsync(id, definition, ownerId, createdAt, cancellationToken));

    private async Task CreateCoreAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        ArgumentNullException.ThrowIfNull(definition);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Experiments.Add(new ExperimentEntity
        {
            Id = id,
            Lesson = definition.Lesson,
            DataName = definition.Surface is { } surface ? "surface:" + surface.Name : definition.Data?.Name ?? "",
            DefinitionJson = JsonSerializer.Serialize(definition, ExperimentJson.Options),
            OwnerId = ownerId,
            Status = ExperimentStatus.Queued,
            CreatedAt = createdAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the events in one transaction. Events whose sequence is already stored are skipped, so a retried batch
    /// does not fail. The last status event sets the experiment's status and message (a terminal one also its end
    /// time), unless the experiment has already ended: a terminal status is final.
    /// </summary>
    /// <exception cref="InvalidOperationException">No experiment with <paramref name="id"/> is stored.</exception>
    /// <exception cref="StorageUnavailableException">The disk or file cannot be written.</exception>
    public Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken) =>
        WriteAsync(() => AppendCoreAsync(id, events, cancellationToken));

    private async Task AppendCoreAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"Experiment '{id}' is not stored; create it before appending events.");

        var first = events.Min(e => e.Sequence);
        var last = events.Max(e => e.Sequence);
        var taken = (await db.Events.AsNoTracking()
                .Where(e => e.ExperimentId == id && e.Sequence >= first && e.Sequence <= last)
                .Select(e => e.Sequence)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        // Only a run's latest checkpoint is worth its bytes: resuming starts from the last one.
        var checkpoint = events.Where(e => e.Kind == TrainingEventKind.Checkpoint).MaxBy(e => e.Sequence);
        foreach (var trainingEvent in events)
        {
            // HashSet.Add also drops a sequence repeated inside this batch.
            if (!taken.Add(trainingEvent.Sequence)
                || (trainingEvent.Kind == TrainingEventKind.Checkpoint && trainingEvent != checkpoint))
            {
                continue;
            }

            db.Events.Add(new ExperimentEventEntity
            {
                ExperimentId = id,
                Sequence = trainingEvent.Sequence,
                Kind = trainingEvent.Kind,
                Json = JsonSerializer.Serialize(trainingEvent, ExperimentJson.Options),
            });

            if (trainingEvent.Kind == TrainingEventKind.Status && !experiment.Status.IsTerminal())
            {
                experiment.Status = trainingEvent.Status;
                experiment.Message = trainingEvent.Message;
                if (trainingEvent.IsTerminal)
                {
                    experiment.FinishedAt = timeProvider.GetUtcNow();
                }
            }
        }

        if (checkpoint is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Events
            .Where(e => e.ExperimentId == id && e.Kind == TrainingEventKind.Checkpoint && e.Sequence < checkpoint.Sequence)
            .ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return experiment is null ? null : ToStored(experiment);
    }

    public async Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.ExperimentId == id)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Json)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(json => Deserialize<TrainingEvent>(json, id));
    }

    /// <summary>The <paramref name="count"/> most recently created experiments, newest first.</summary>
    public async Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Experiments.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToStored);
    }

    /// <summary>
    /// Marks queued and running experiments as failed with <paramref name="message"/>, and appends a matching failed
    /// status event to each, so that a replay of their stream ends like any other run's.
    /// </summary>
    /// <returns>How many experiments were marked.</returns>
    public async Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unfinished = await db.Experiments
            .Where(e => e.Status == ExperimentStatus.Queued || e.Status == ExperimentStatus.Running)
            .ToListAsync(cancellationToken);
        if (unfinished.Count == 0)
        {
            return 0;
        }

        var ids = unfinished.ConvertAll(e => e.Id);
        var lastSequences = await db.Events.AsNoTracking()
            .Where(e => ids.Contains(e.ExperimentId))
            .GroupBy(e => e.ExperimentId)
            .Select(g => new { ExperimentId = g.Key, Last = g.Max(e => e.Sequence) })
            .ToDictionaryAsync(g => g.ExperimentId, g => g.Last, cancellationToken);

        foreach (var experiment in unfinished)
        {
            experiment.Status = ExperimentStatus.Failed;
            experiment.Message = message;
            experiment.FinishedAt = now;

            var sequence = lastSequences.TryGetValue(experiment.Id, out var last) ? last + 1 : 0;
            var failed = new TrainingEvent(sequence, TrainingEventKind.Status, ExperimentStatus.Failed, Message: message);
            db.Events.Add(new ExperimentEventEntity
            {
                ExperimentId = experiment.Id,
                Sequence = sequence,
                Kind = failed.Kind,
                Json = JsonSerializer.Serialize(failed, ExperimentJson.Options),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return unfinished.Count;
    }

    /// <summary>
    /// Retention: deletes, with their events, the finished runs (any terminal status) created before
    /// <paramref name="createdBefore"/>, and each owner's finished runs beyond their <paramref name="keepPerOwner"/>
    /// newest. Queued and running runs are never deleted: their trainer may still be writing.
    /// </summary>
    /// <remarks>
    /// No VACUUM: SQLite puts the freed pages on its free list and reuses them for new runs, so the file stops growing
    /// instead of shrinking; a VACUUM would rewrite the whole file and block writers while it runs.
    /// </remarks>
    /// <returns>How many experiments were deleted.</returns>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset createdBefore, int keepPerOwner, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepPerOwner);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unfinished = Enum.GetValues<ExperimentStatus>().Where(s => !s.IsTerminal()).ToList();
        var doomed = (await db.Experiments.AsNoTracking()
                .Where(e => e.CreatedAt < createdBefore && !unfinished.Contains(e.Status))
                .Select(e => e.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var crowded = await db.Experiments.AsNoTracking()
            .GroupBy(e => e.OwnerId)
            .Where(g => g.Count() > keepPerOwner)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        foreach (var owner in crowded)
        {
            doomed.UnionWith(await db.Experiments.AsNoTracking()
                .Where(e => e.OwnerId == owner)
                .OrderByDescending(e => e.CreatedAt)
                .ThenByDescending(e => e.Id)
                .Skip(keepPerOwner)
                .Where(e => !unfinished.Contains(e.Status))
                .Select(e => e.Id)
                .ToListAsync(cancellationToken));
        }

        // Short transactions, so that running trainers' appends wait for one chunk at most.
        foreach (var chunk in doomed.Chunk(500))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Events.Where(e => chunk.Contains(e.ExperimentId)).ExecuteDeleteAsync(cancellationToken);
            await db.Experiments.Where(e => chunk.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return doomed.Count;
    }

    /// <summary>A full disk, a read-only file system, lost permissions or an unreachable database server become one exception that callers can answer with "storage unavailable".</summary>
    private static async Task WriteAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (SqliteFaults.IsStorageFault(ex))
        {
            throw SqliteFaults.Unavailable(ex);
        }
        catch (Exception ex) when (PostgresFaults.IsStorageFault(ex))
        {
            throw PostgresFaults.Unavailable(ex);
        }
    }

    private static StoredExperiment ToStored(ExperimentEntity experiment) => new(
        experiment.Id,
        Deserialize<ExperimentDefinition>(experiment.DefinitionJson, experiment.Id),
        experiment.Status,
        experiment.Message,
        experiment.CreatedAt,
        experiment.FinishedAt);

    private static T Deserialize<T>(string json, string experimentId) =>
        JsonSerializer.Deserialize<T>(json, ExperimentJson.Options)
        ?? throw new InvalidOperationException($"Experiment '{experimentId}' has an empty {typeof(T).Name} in the store.");
}
