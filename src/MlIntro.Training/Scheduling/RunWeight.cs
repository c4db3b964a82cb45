namespace MlIntro.Training.Scheduling;

/// <summary>What a run costs the machine, which decides the slots it waits for.</summary>
public enum RunWeight
{
    /// <summary>A small network the stacked engine trains with others on its one thread: cheap, bounded generously.</summary>
    Light,

    /// <summary>Trains on a thread of its own (a big network, a race): bounded by the cores.</summary>
    Heavy,
}
