namespace MlIntro.Core.Experiments;

/// <summary>A run a server stop interrupted, as stored: enough to train it on under the same id.</summary>
/// <param name="OwnerId">Its owner as the store keeps it: the owner may still control the run once it goes on.</param>
public sealed record InterruptedRun(string Id, ExperimentDefinition Definition, string OwnerId);

/// <summary>
/// Finds studies a server stop interrupted and reopens them, so that they go on in the same run (same <c>/e/{id}</c>)
/// when the server starts again. Separate from <see cref="IExperimentStore"/>: only the study resumer needs it.
/// </summary>
public interface IInterruptedRuns
{
    /// <summary>Studies (<see cref="ExperimentDefinition.Study"/>) whose status is <see cref="ExperimentStatus.Interrupted"/>, oldest first.</summary>
    Task<IReadOnlyList<InterruptedRun>> InterruptedStudiesAsync(CancellationToken cancellationToken);

    /// <summary>The run when it is interrupted now, else null.</summary>
    Task<InterruptedRun?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Makes an interrupted run unfinished again (status Queued, no end time) and removes its terminal status events,
    /// so that its stream goes on where it stopped; when it has a checkpoint (<see cref="TrainingEventKind.Checkpoint"/>),
    /// everything after the last one is removed too, since the run goes on from there. Returns the events it keeps, by sequence. Null when the run is no
    /// longer interrupted (another process took it, or it was deleted).
    /// </summary>
    Task<IReadOnlyList<TrainingEvent>?> ReopenAsync(string id, CancellationToken cancellationToken);
}
