using MlIntro.Core.Experiments;

namespace MlIntro.Training;

/// <summary>
/// What pages and the hub ask of training, wherever the run trains: this process's <see cref="TrainingService"/>
/// (<see cref="LocalTrainingRuns"/>, the embedded default) or a worker of a cluster (the run grains). Asynchronous
/// because in a cluster every call may cross the network. Owner checks throw <see cref="UnauthorizedAccessException"/>,
/// refused Starts <see cref="InvalidExperimentException"/> or <see cref="TrainingRejectedException"/>, as the service does.
/// </summary>
public interface ITrainingRuns
{
    /// <summary>Validates and queues a run; returns its id at once.</summary>
    /// <param name="paused">Held before its first epoch until resumed or stepped.</param>
    Task<string> StartAsync(ExperimentDefinition? definition, RunOwner owner, bool paused, CancellationToken cancellationToken);

    /// <summary>Everything so far, then live events until the run ends; a slow watcher gets the latest frames.</summary>
    IAsyncEnumerable<TrainingEvent> WatchAsync(string id, CancellationToken cancellationToken);

    Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The status of a run that is training or queued now, or null.</summary>
    Task<ExperimentStatus?> LiveStatusAsync(string id, CancellationToken cancellationToken);

    /// <summary>False when the run is unknown or already over.</summary>
    Task<bool> CancelAsync(string id, string ownerId, CancellationToken cancellationToken);

    Task<bool> PauseAsync(string id, string ownerId, CancellationToken cancellationToken);

    Task<bool> ResumeAsync(string id, string ownerId, CancellationToken cancellationToken);

    Task<bool> StepAsync(string id, string ownerId, CancellationToken cancellationToken);

    /// <inheritdoc cref="TrainingService.SetWeight"/>
    Task<bool> SetWeightAsync(string id, string ownerId, WeightEdit edit, CancellationToken cancellationToken);

    /// <inheritdoc cref="TrainingService.ContinueAsync"/>
    Task<bool> ContinueAsync(string id, string ownerId, CancellationToken cancellationToken);

    /// <inheritdoc cref="TrainingService.PauseAllOf"/>
    Task<IReadOnlyList<string>> PauseAllOfAsync(string ownerId, IReadOnlyList<string> ids, CancellationToken cancellationToken);
}
