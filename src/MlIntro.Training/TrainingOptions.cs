namespace MlIntro.Training;

/// <summary>Settings of the training service, bound from configuration section "Training".</summary>
public sealed class TrainingOptions
{
    /// <summary>auto (CUDA when available, else CPU), cpu or cuda.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Runs that train at the same time on the device; more wait in the queue.</summary>
    public int MaxConcurrentRuns { get; set; } = 32;

    /// <summary>Runs waiting for a slot; beyond it Start is refused with "server busy".</summary>
    public int MaxQueuedRuns { get; set; } = 200;

    /// <summary>Unfinished runs one connection (browser tab, hub client) may have at once.</summary>
    public int MaxRunsPerOwner { get; set; } = 4;

    /// <summary>Torch threads a run may use; 0 picks by model size (1 for tiny nets, all cores for large ones).</summary>
    public int ThreadsPerRun { get; set; }

    /// <summary>Finished runs kept in memory for fast replay; older ones are read back from the store.</summary>
    public int FinishedRunsKeptInMemory { get; set; } = 100;

    /// <summary>Trains compatible Playground-sized runs together, stacked into one computation on one thread
    /// (<see cref="Batching.StackedPlaygroundEngine"/>); false trains every run on its own thread.</summary>
    public bool StackPlaygroundRuns { get; set; } = true;

    /// <summary>
    /// The largest estimated epoch (<see cref="Batching.StackedCost"/>, multiply-add equivalents) the stacked engine
    /// takes; bigger runs train on their own thread. The default, about 1 s per epoch on 2 busy cores, keeps every
    /// classification Playground run stackable (up to 8 hidden layers of 8 neurons, 500 points, batch 1 to 30).
    /// </summary>
    public double StackedMaxEpochCost { get; set; } = 5e8;
}
