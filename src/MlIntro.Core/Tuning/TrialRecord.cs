namespace MlIntro.Core.Tuning;

public enum TrialState
{
    Complete,
    Pruned,
    Diverged,
    Failed,
}

/// <summary>
/// One trial of a study as it is published, stored and exported: its values (a choice as its index), its result and its
/// learning curves (one value per epoch trained).
/// </summary>
/// <param name="Objective">The study's objective at the trial's last epoch (for a pruned trial, at the rung that stopped it).</param>
/// <param name="Rungs">The rungs it reached: epoch, loss-like value (lower is better) and whether it went on.</param>
/// <param name="Seconds">Wall time of its population while it trained, shared by the trials trained together.</param>
public sealed record TrialRecord(
    int Number,
    IReadOnlyDictionary<string, double> Values,
    TrialState State,
    double? Objective,
    int Epochs,
    double[] TrainLoss,
    double[] ValidationLoss,
    double[]? ValidationAccuracy = null,
    IReadOnlyList<RungResult>? Rungs = null,
    double Seconds = 0,
    string? Message = null);

public sealed record RungResult(int Epoch, double Loss, bool Promoted);

/// <summary>Where a running study stands: trials finished, training, and the current population's epoch.</summary>
public sealed record StudyProgress(int TrialsDone, int TrialsTotal, int Training, int Epoch, int EpochsPerTrial, double ElapsedSeconds, double? EtaSeconds);

/// <summary>What a study publishes: a finished trial, or its progress (a few times a second at most).</summary>
public sealed record StudyUpdate(TrialRecord? Trial = null, StudyProgress? Progress = null);
