using MlIntro.Core.Tuning;

namespace MlIntro.Training.Tuning;

/// <summary>What every trainer of a study's trials shares: the objective, the rungs, and where results go.</summary>
/// <param name="Rungs">Null when the study does not prune.</param>
/// <param name="Finished">Called once per trial that ended with a result (not for trials stopped by a cancellation).</param>
/// <param name="Progress">Called after each epoch with the epoch and how many trials are still training.</param>
internal sealed record StudyContext(
    StudyObjective Objective,
    int Epochs,
    RungBook? Rungs,
    Action<TrialRecord> Finished,
    Action<int, int> Progress,
    CancellationToken Cancellation);
