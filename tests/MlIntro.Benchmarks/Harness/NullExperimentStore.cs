using MlIntro.Core.Experiments;

namespace MlIntro.Benchmarks;

/// <summary>Diagnostic stand-in (<c>--null-store</c>): takes every write and stores nothing, to tell the database's share of a cost.</summary>
internal sealed class NullExperimentStore : IExperimentStore
{
    public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult<StoredExperiment?>(null);

    public Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TrainingEvent>>([]);

    public Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StoredExperiment>>([]);

    public Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
}
