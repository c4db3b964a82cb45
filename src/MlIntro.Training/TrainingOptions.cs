namespace MlIntro.Training;

/// <summary>Settings of the training service, bound from configuration section "Training".</summary>
public sealed class TrainingOptions
{
    /// <summary>auto (CUDA when available, else CPU), cpu or cuda.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Runs that train at the same time on the device, light and heavy together; more wait in the queue. Light
    /// runs (small networks the stacked engine trains together) cost a waiting thread each, so this can be generous.</summary>
    public int MaxConcurrentRuns { get; set; } = 256;

    /// <summary>Heavy runs (each trains on a thread of its own) at the same time; 0 means one less than the cores (at
    /// least one), so the stacked engine that trains everyone's Playground always keeps a core.</summary>
    public int MaxConcurrentHeavyRuns { get; set; }

    /// <summary>Runs waiting for a slot; beyond it Start is refused with "server busy".</summary>
    public int MaxQueuedRuns { get; set; } = 200;

    /// <summary>Unfinished runs one owner (a browser, by its cookie; a hub client, by its owner token) may have at once.</summary>
    public int MaxRunsPerOwner { get; set; } = 4;

    /// <summary>Unfinished runs all owners behind one client address (an IPv4 address, an IPv6 /64) may have at once.</summary>
    public int MaxRunsPerAddress { get; set; } = 32;

    /// <summary>How long a run outlives its owner's last connection (hub client gone, page closed) before it is
    /// stopped; long enough for a notebook to start a run, disconnect and come back with its owner token.</summary>
    public TimeSpan OrphanedRunLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest a run may last from its Start (waiting, paused or training): every run's compute budget.</summary>
    public TimeSpan MaxRunDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Torch threads a run may use; 0 picks by model size (1 for tiny nets, all cores for large ones).</summary>
    public int ThreadsPerRun { get; set; }

    /// <summary>Finished runs kept in memory for fast replay; older ones are read back from the store.</summary>
    public int FinishedRunsKeptInMemory { get; set; } = 100;

    /// <summary>Trains compatible Playground-sized runs together, stacked into one computation on one thread
    /// (<see cref="Batching.StackedPlaygroundEngine"/>); false trains every run on its own thread.</summary>
    public bool StackPlaygroundRuns { get; set; } = true;

    /// <summary><see cref="MaxConcurrentHeavyRuns"/> with 0 resolved against this machine's cores.</summary>
    public int HeavyRunSlots => MaxConcurrentHeavyRuns > 0 ? MaxConcurrentHeavyRuns : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// The largest estimated epoch (<see cref="Batching.StackedCost"/>, multiply-add equivalents) the stacked engine
    /// takes; bigger runs train on their own thread. The default, about 1 s per epoch on 2 busy cores, keeps every
    /// classification Playground run stackable (up to 8 hidden layers of 8 neurons, 500 points, batch 1 to 30).
    /// </summary>
    public double StackedMaxEpochCost { get; set; } = 5e8;

    /// <summary>
    /// A network run stores its parameters after its first epoch and every this many epochs after it, so that a run
    /// whose worker died goes on from its last checkpoint (only the latest is kept).
    /// </summary>
    public int CheckpointEveryEpochs { get; set; } = 10;

    /// <summary>Whether a run stores a checkpoint after <paramref name="epoch"/>.</summary>
    public bool IsCheckpointEpoch(int epoch) => epoch == 1 || (CheckpointEveryEpochs > 0 && epoch % CheckpointEveryEpochs == 0);

    /// <summary>At start-up, trains on the studies a server stop interrupted, in the same run (same /e/{id}): finished
    /// trials are kept, those that were training start again from scratch.</summary>
    public bool ResumeInterruptedStudies { get; set; } = true;
}
