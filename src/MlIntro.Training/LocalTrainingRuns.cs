using MlIntro.Core.Experiments;

namespace MlIntro.Training;

/// <summary>The embedded default: runs train in this process's <see cref="TrainingService"/>, the same service a cluster's workers run.</summary>
public sealed class LocalTrainingRuns(TrainingService training) : ITrainingRuns
{
    public Task<string> StartAsync(ExperimentDefinition? definition, RunOwner owner, bool paused, CancellationToken cancellationToken) =>
        training.StartAsync(definition, owner, paused, cancellationToken);

    public IAsyncEnumerable<TrainingEvent> WatchAsync(string id, CancellationToken cancellationToken) => training.WatchAsync(id, cancellationToken);

    public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => training.FindAsync(id, cancellationToken);

    public Task<ExperimentStatus?> LiveStatusAsync(string id, CancellationToken cancellationToken) => Task.FromResult(training.LiveStatus(id));

    public Task<bool> CancelAsync(string id, string ownerId, CancellationToken cancellationToken) => Task.FromResult(training.Cancel(id, ownerId));

    public Task<bool> PauseAsync(string id, string ownerId, CancellationToken cancellationToken) => Task.FromResult(training.Pause(id, ownerId));

    public Task<bool> ResumeAsync(string id, string ownerId, CancellationToken cancellationToken) => Task.FromResult(training.Resume(id, ownerId));

    public Task<bool> StepAsync(string id, string ownerId, CancellationToken cancellationToken) => Task.FromResult(training.Step(id, ownerId));

    public Task<bool> SetWeightAsync(string id, string ownerId, WeightEdit edit, CancellationToken cancellationToken) =>
        Task.FromResult(training.SetWeight(id, ownerId, edit));

    public Task<bool> ContinueAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        training.ContinueAsync(id, ownerId, cancellationToken);

    public Task<IReadOnlyList<string>> PauseAllOfAsync(string ownerId, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult(training.PauseAllOf(ownerId, ids));
}
