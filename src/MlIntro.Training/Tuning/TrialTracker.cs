using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Training.Tuning;

/// <summary>One trial while it trains: its curves, its rungs, and the record it ends with.</summary>
internal sealed class TrialTracker(int number, IReadOnlyDictionary<string, double> values, ExperimentDefinition definition)
{
    private readonly List<double> _trainLoss = [];
    private readonly List<double> _heldOutLoss = [];
    private readonly List<double> _heldOutAccuracy = [];
    private readonly List<RungResult> _rungs = [];

    public int Number { get; } = number;

    public IReadOnlyDictionary<string, double> Values { get; } = values;

    public ExperimentDefinition Definition { get; } = definition;

    public int Epochs => _trainLoss.Count;

    public double LastTrainLoss => _trainLoss.Count == 0 ? double.NaN : _trainLoss[^1];

    public double LastHeldOutLoss => _heldOutLoss.Count == 0 ? double.NaN : _heldOutLoss[^1];

    public double? LastAccuracy => _heldOutAccuracy.Count == 0 ? null : _heldOutAccuracy[^1];

    public void AddEpoch(double trainLoss, double heldOutLoss, double? heldOutAccuracy)
    {
        _trainLoss.Add(trainLoss);
        _heldOutLoss.Add(heldOutLoss);
        if (heldOutAccuracy is { } accuracy)
        {
            _heldOutAccuracy.Add(accuracy);
        }
    }

    /// <summary>
    /// What rungs compare (lower is better): the held-out loss, or minus the accuracy. An AUC study compares the
    /// held-out loss at rungs: an AUC every rung would cost a full ROC per trial, the loss is already measured.
    /// </summary>
    public double RungLoss(StudyObjective objective) =>
        objective == StudyObjective.Accuracy ? -(LastAccuracy ?? double.NaN) : LastHeldOutLoss;

    public void AddRung(int epoch, double loss, bool promoted) => _rungs.Add(new RungResult(epoch, loss, promoted));

    /// <summary>The study's objective now; <paramref name="auc"/> is measured by the caller when the objective needs it.</summary>
    public double? Objective(StudyObjective objective, double? auc) => objective switch
    {
        StudyObjective.ValidationLoss => double.IsFinite(LastHeldOutLoss) ? LastHeldOutLoss : null,
        StudyObjective.Accuracy => LastAccuracy,
        _ => auc,
    };

    public TrialRecord Finish(TrialState state, double? objective, double seconds, string? message = null) =>
        new(Number, Values, state, objective is { } o && double.IsFinite(o) ? o : null, Epochs,
            [.. _trainLoss], [.. _heldOutLoss], _heldOutAccuracy.Count == 0 ? null : [.. _heldOutAccuracy],
            [.. _rungs], Math.Round(seconds, 3), message);
}
