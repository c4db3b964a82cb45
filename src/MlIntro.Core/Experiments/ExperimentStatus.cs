namespace MlIntro.Core.Experiments;

public enum ExperimentStatus
{
    Queued,
    Running,
    Finished,
    Failed,
    Cancelled,
    Diverged,

    /// <summary>Ended by a server stop (not by its owner): what it trained so far is kept.</summary>
    Interrupted,
}

public static class ExperimentStatusExtensions
{
    public static bool IsTerminal(this ExperimentStatus status) =>
        status is ExperimentStatus.Finished or ExperimentStatus.Failed or ExperimentStatus.Cancelled or ExperimentStatus.Diverged
            or ExperimentStatus.Interrupted;
}
