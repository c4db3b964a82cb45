using MlIntro.Core.Experiments;

namespace MlIntro.Web.Cluster;

/// <summary>
/// A run the store says is queued or training, but that no live worker holds: its worker's process ended (killed,
/// crashed, lost its machine). Orleans activates a run's grain once in the cluster, so a new activation that does not
/// find the run in its own training service means the old one died with its silo.
/// </summary>
internal static class OrphanedRuns
{
    public const string Message = "The worker training this run stopped before it finished; the epochs it recorded are kept.";

    /// <summary>Ends an orphan as interrupted after its last recorded event; false when the run is not an orphan.</summary>
    public static async Task<bool> InterruptAsync(IExperimentStore store, string id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { Status: ExperimentStatus.Queued or ExperimentStatus.Running })
        {
            return false;
        }

        var events = await store.EventsAsync(id, cancellationToken);
        var next = events.Count == 0 ? 0 : events[^1].Sequence + 1;
        await store.AppendAsync(id, [new TrainingEvent(next, TrainingEventKind.Status, ExperimentStatus.Interrupted, Message: Message)], cancellationToken);
        return true;
    }
}
