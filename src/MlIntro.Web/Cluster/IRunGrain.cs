using MlIntro.Core.Experiments;
using MlIntro.Training;

namespace MlIntro.Web.Cluster;

/// <summary>
/// One run, keyed by its id, activated on a worker silo (see <see cref="SiloRoles"/>): the worker's own
/// <see cref="TrainingService"/> trains it, so its scheduler keeps fairness and quotas there. Any front end reaches it.
/// </summary>
[Alias("MlIntro.Run")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Validates, admits and queues the run under this grain's id on this worker.</summary>
    [Alias("Start")]
    Task<StartAnswer> StartAsync(ExperimentDefinition definition, RunOwner owner, bool paused);

    /// <summary>Everything so far, then live events until the run ends (the worker's broadcaster: a slow watcher gets the latest frames).</summary>
    [Alias("Watch")]
    IAsyncEnumerable<TrainingEvent> WatchAsync(CancellationToken cancellationToken = default);

    [Alias("LiveStatus")]
    Task<ExperimentStatus?> LiveStatusAsync();

    [Alias("Cancel")]
    Task<ControlAnswer> CancelAsync(string ownerId);

    [Alias("Pause")]
    Task<ControlAnswer> PauseAsync(string ownerId);

    [Alias("Resume")]
    Task<ControlAnswer> ResumeAsync(string ownerId);

    [Alias("Step")]
    Task<ControlAnswer> StepAsync(string ownerId);

    /// <summary>Trains an interrupted run on here, from its last checkpoint (its worker died).</summary>
    [Alias("Continue")]
    Task<StartAnswer> ContinueAsync(string ownerId);

    [Alias("SetWeight")]
    Task<ControlAnswer> SetWeightAsync(string ownerId, WeightEdit edit);

    /// <summary>Pauses the run when it is the owner's and playing (a page lost its connection); true when it did.</summary>
    [Alias("PauseIfPlaying")]
    Task<bool> PauseIfPlayingAsync(string ownerId);

    /// <summary>The silo that trains this run, for operators and tests.</summary>
    [Alias("Silo")]
    Task<string> SiloAsync();
}
