using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tuning;

/// <summary>
/// A hyperparameter study: the definition it belongs to is the base trial (data, model, optimizer, training, seed),
/// and every trial is that definition with the sampled values put in. Epochs per trial are the base's Training.Epochs.
/// </summary>
/// <param name="Space">What is searched; parameters left null keep the base definition's value.</param>
/// <param name="Trials">The budget: how many trials the study runs.</param>
/// <param name="Population">How many trials train at once (one stacked computation where their shapes allow).</param>
/// <param name="Pruning">Successive halving / ASHA; null trains every trial for all its epochs.</param>
/// <param name="ResumeFrom">A stopped study whose finished trials this one takes over instead of training them again.</param>
public sealed record StudySpec(
    SearchSpace Space,
    StudyObjective Objective = StudyObjective.ValidationLoss,
    SamplerKind Sampler = SamplerKind.Random,
    int Trials = 16,
    int Population = 16,
    PruningSpec? Pruning = null,
    string? ResumeFrom = null)
{
    /// <summary>Trials a study may run.</summary>
    public const int MaxTrials = 256;

    /// <summary>Trials trained at once.</summary>
    public const int MaxPopulation = 64;
}

/// <summary>
/// The searched hyperparameters, each optional. Batch size is searchable because students ask, but the tuning
/// playbook's advice stands: it sets training speed, not validation performance, and should not be tuned.
/// </summary>
public sealed record SearchSpace(
    FloatRange? LearningRate = null,
    IntRange? HiddenLayers = null,
    IntRange? Neurons = null,
    IReadOnlyList<Activation>? Activations = null,
    IReadOnlyList<OptimizerKind>? Optimizers = null,
    IReadOnlyList<int>? BatchSizes = null,
    FloatRange? L2 = null,
    FloatRange? Dropout = null,
    TreeSearchSpace? Trees = null);

/// <summary>A real interval; <paramref name="Log"/> samples it log-uniformly (learning rates).</summary>
/// <param name="GridPoints">Values a grid search takes from it (evenly spaced, on a log scale when <paramref name="Log"/>).</param>
public sealed record FloatRange(double Low, double High, bool Log = false, int GridPoints = 3);

/// <summary>Whole numbers from <paramref name="Min"/> to <paramref name="Max"/>, both included.</summary>
public sealed record IntRange(int Min, int Max);

/// <summary>What a trial is scored by, always on the held-out split.</summary>
public enum StudyObjective
{
    /// <summary>Cross-entropy (or squared error) on held-out data: minimised.</summary>
    ValidationLoss,
    /// <summary>Share of held-out events classified right: maximised.</summary>
    Accuracy,
    /// <summary>Area under the ROC curve on held-out data: maximised.</summary>
    Auc,
}

public enum SamplerKind
{
    Grid,
    Random,
    /// <summary>Tree-structured Parzen estimator (Bergstra et al. 2011).</summary>
    Tpe,
}

/// <summary>Successive halving (Li et al.): at rungs of <c>GracePeriod × η^k</c> epochs only the best 1/η go on.</summary>
/// <param name="ReductionFactor">η.</param>
/// <param name="GracePeriod">Epochs every trial trains before it can be stopped (the first rung).</param>
public sealed record PruningSpec(int ReductionFactor = 3, int GracePeriod = 10);

public static class StudyObjectives
{
    /// <summary>True for objectives where bigger is better.</summary>
    public static bool Maximises(this StudyObjective objective) => objective != StudyObjective.ValidationLoss;

    public static string Label(this StudyObjective objective) => objective switch
    {
        StudyObjective.ValidationLoss => "validation loss",
        StudyObjective.Accuracy => "validation accuracy",
        _ => "validation AUC",
    };
}
