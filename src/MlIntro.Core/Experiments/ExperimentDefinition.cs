using System.Text.Json.Serialization;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Core.Experiments;

/// <summary>Everything needed to reproduce one training run: the unit that pages, the hub and the store exchange.</summary>
/// <param name="Data">Required for a network run; a surface race has none.</param>
/// <param name="Model">Required for a network run; a surface race has none.</param>
/// <param name="Optimizer">Required unless <paramref name="Race"/> names the optimizers.</param>
/// <param name="Training">Required for a network run; a surface race has none.</param>
/// <param name="Race">When set, the same model, data and seed are trained once per named optimizer, side by side
/// (the optimizers lesson's network race); <paramref name="Optimizer"/> is then ignored.</param>
/// <param name="Surface">When set, the run is an optimizer race on a 2D loss surface instead of a network
/// (the racers come from <paramref name="Race"/>); data, model and training are ignored.</param>
/// <param name="Likelihood">When set, the likelihood lesson's run (classifier trick, reweighting, negative weights) with the
/// definition's model, optimizer and training settings.</param>
/// <param name="Ladder">When set, each named model is trained on the same data with the same optimizer and settings, side
/// by side in one run (the overfitting lesson's capacity ladder); <paramref name="Model"/> is then the first rung's.</param>
/// <param name="Study">When set, the run is a hyperparameter study: every trial is this definition with the sampled values put in.</param>
/// <param name="BoostedTrees">When set, gradient-boosted decision trees (LightGBM) are trained instead of a network, one tree
/// per epoch; <paramref name="Model"/> and <paramref name="Optimizer"/> may then be absent.</param>
/// <remarks><see cref="ExperimentValidator"/> checks which parts a run needs, so code behind it may rely on them.</remarks>
public sealed record ExperimentDefinition(
    Lesson Lesson,
    DataSpec? Data = null,
    ModelSpec? Model = null,
    OptimizerSpec? Optimizer = null,
    TrainingSpec? Training = null,
    int Seed = 0,
    IReadOnlyList<NamedOptimizer>? Race = null,
    SurfaceSpec? Surface = null,
    LikelihoodSpec? Likelihood = null,
    IReadOnlyList<NamedModel>? Ladder = null,
    Tuning.StudySpec? Study = null,
    Trees.BoostedTreesSpec? BoostedTrees = null)
{
    /// <summary><see cref="Data"/> where the run needs it (a network run: the validator required it).</summary>
    /// <exception cref="InvalidOperationException">It is absent: the definition did not pass the validator.</exception>
    [JsonIgnore]
    public DataSpec RequiredData => Data ?? throw Missing(nameof(Data));

    /// <summary><see cref="Model"/> where the run needs it (a network run: the validator required it).</summary>
    /// <exception cref="InvalidOperationException">It is absent: the definition did not pass the validator.</exception>
    [JsonIgnore]
    public ModelSpec RequiredModel => Model ?? throw Missing(nameof(Model));

    /// <summary><see cref="Optimizer"/> where the run needs it (no <see cref="Race"/>: the validator required it).</summary>
    /// <exception cref="InvalidOperationException">It is absent: the definition did not pass the validator.</exception>
    [JsonIgnore]
    public OptimizerSpec RequiredOptimizer => Optimizer ?? throw Missing(nameof(Optimizer));

    /// <summary><see cref="Training"/> where the run needs it (a network run: the validator required it).</summary>
    /// <exception cref="InvalidOperationException">It is absent: the definition did not pass the validator.</exception>
    [JsonIgnore]
    public TrainingSpec RequiredTraining => Training ?? throw Missing(nameof(Training));

    private static InvalidOperationException Missing(string part) =>
        new($"The definition has no {part}; it should not have passed the validator.");
}

/// <summary>One racer: its legend name (e.g. "Adam 0.05") and its optimizer.</summary>
public sealed record NamedOptimizer(string Name, OptimizerSpec Optimizer);

/// <summary>A loss surface of the optimizers lesson: a catalogue <paramref name="Name"/> or a user <paramref name="Formula"/> in x and y, not both.</summary>
/// <param name="Name">A catalogue surface; with a formula, empty or <see cref="FormulaName"/>.</param>
public sealed record SurfaceSpec(string? Name = null, string? Formula = null, double StartX = 0.75, double StartY = 1.0, int Steps = 1000)
{
    /// <summary>The name that may go with a formula (the optimizers page sends it); a catalogue name with a formula is refused.</summary>
    public const string FormulaName = "formula";
}

/// <summary>The lessons in the lecture's order.</summary>
public enum Lesson
{
    Playground,
    Optimizers,
    Evaluation,
    Overfitting,
    LikelihoodRatios,
    Jets,
    Tuning,
}

/// <summary>Which data a run uses. <paramref name="Name"/> is a catalog name (see <see cref="Data.DatasetCatalog"/>).</summary>
/// <param name="Points">Number of points a generator draws (ignored by file-backed sets).</param>
/// <param name="Noise">Noise level 0..0.5 for generated sets.</param>
/// <param name="TrainFraction">Share of the points used for training, the rest for testing.</param>
/// <param name="Features">Input features by name; null means the data set's own default.</param>
public sealed record DataSpec(
    string Name,
    int Points = 500,
    double Noise = 0,
    double TrainFraction = 0.5,
    IReadOnlyList<string>? Features = null);

public enum ProblemKind
{
    Classification,
    Regression,
}

public enum Activation
{
    ReLU,
    Tanh,
    Sigmoid,
    Linear,
    ELU,
}

public enum Regularization
{
    None,
    L1,
    L2,
}

/// <summary>One hidden layer: its width and the dropout applied to its output.</summary>
public sealed record HiddenLayer(int Neurons, double Dropout = 0);

public sealed record ModelSpec(
    IReadOnlyList<HiddenLayer> HiddenLayers,
    Activation Activation = Activation.Tanh,
    Regularization Regularization = Regularization.None,
    double RegularizationRate = 0,
    ProblemKind Problem = ProblemKind.Classification);

/// <summary>The optimizers of the lecture's slide plus the tuning playbook's favourites.</summary>
public enum OptimizerKind
{
    GD,
    Momentum,
    Nesterov,
    Adagrad,
    Adadelta,
    RMSProp,
    Adam,
    NAdam,
    AdamW,
    Ftrl,
}

/// <summary>An optimizer and its hyperparameters; missing parameters take TensorFlow 1's defaults.</summary>
public sealed record OptimizerSpec(
    OptimizerKind Kind,
    double LearningRate,
    IReadOnlyDictionary<string, double>? Parameters = null)
{
    public double Parameter(string name, double fallback) =>
        Parameters is not null && Parameters.TryGetValue(name, out var value) ? value : fallback;
}

/// <param name="FrameIntervalMs">Least time between two live frames (decision boundary, ROC) sent to watchers.</param>
/// <param name="ValidationFraction">Share of the training rows held out (the last ones, as Keras' validation_split) for per-epoch validation.</param>
/// <param name="EarlyStopping">Stop when the watched loss (validation, else test) has not improved for <paramref name="Patience"/> epochs.</param>
/// <param name="BalanceClasses">Classification: scale the event weights so that every class carries the same total weight
/// in the loss (<see cref="Data.ClassBalance"/>); metrics stay in the physical weights.</param>
/// <param name="BrowserDrawn">Live frames of a drawable network carry its weights and biases only (the watcher evaluates
/// the tiny network itself, as the Playground's browser does); the first and the last frame still carry the grids.</param>
public sealed record TrainingSpec(
    int Epochs,
    int BatchSize,
    bool EarlyStopping = false,
    int Patience = 10,
    int FrameIntervalMs = 50,
    double ValidationFraction = 0,
    bool BalanceClasses = false,
    bool BrowserDrawn = false);
