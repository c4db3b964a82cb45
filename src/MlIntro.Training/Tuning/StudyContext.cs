using MlIntro.Core.Tuning;

namespace MlIntro.Training.Tuning;

/// <summary>What every trainer of a study's trials shares: the objective, the rungs, and where results go.</summary>
/// <param name="Rungs">Null when the study does not prune.</param>
/// <param name="Finished">Called once per trial that ended with a result (not for trials stopped by a cancellation).</param>
/// <param name="Progress">Called after each epoch with the trials still training (none of them already passed to <paramref name="Finished"/>).</param>
internal sealed record StudyContext(
    StudyObjective Objective,
    int Epochs,
    RungBook? Rungs,
    Action<TrialRecord> Finished,
    Action<RunningTrials> Progress,
    CancellationToken Cancellation);

/// <summary>The trials of a wave that are training and have no result yet.</summary>
/// <param name="Count">How many.</param>
/// <param name="Epoch">Their epoch (a stacked wave's common epoch, or the mean of trials trained one by one).</param>
/// <param name="EpochsTrained">Epochs they have trained between them: the ETA's measure of work done.</param>
internal readonly record struct RunningTrials(int Count, int Epoch, int EpochsTrained);
