namespace MlIntro.Core.Experiments;

/// <summary>An experiment as stored: its definition, where it stands, and when.</summary>
public sealed record StoredExperiment(
    string Id,
    ExperimentDefinition Definition,
    ExperimentStatus Status,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// Durable home of definitions and results, written as a run goes (per epoch), so a link works after a restart.
/// Implemented with EF Core in the web project (SQLite by default).
/// </summary>
public interface IExperimentStore
{
    /// <param name="ownerId">Who started the run (quotas and retention are per owner); never shown to other users.</param>
    Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Appends events in order; a terminal status event also sets the experiment's status, message and end time.</summary>
    Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken);

    Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The stored events of a run, by sequence.</summary>
    Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken);

    /// <summary>At start-up: runs a previous process left queued or running end as failed, with <paramref name="message"/>.</summary>
    Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken);
}
