namespace MlIntro.Web.Store;

/// <summary>What the store does when the process starts.</summary>
public sealed class ExperimentStoreStartupOptions
{
    /// <summary>
    /// Ends runs the store shows queued or running as failed: true for one process (whatever trained them is gone);
    /// false in a cluster, where they may be training on another worker.
    /// </summary>
    public bool FailUnfinishedAtStart { get; set; } = true;
}
