using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Core.Experiments;

public enum TrainingEventKind
{
    /// <summary>Status changed (queued, running, or a terminal state); <see cref="TrainingEvent.Message"/> explains failures.</summary>
    Status,
    /// <summary>Metrics after one epoch.</summary>
    Epoch,
    /// <summary>Decision boundary and hidden-neuron images (latest wins for slow watchers).</summary>
    Boundary,
    /// <summary>ROC curves and confusion matrix on the test set (latest wins for slow watchers).</summary>
    Evaluation,
    /// <summary>A chunk of optimizer trajectories on a loss surface.</summary>
    Trajectory,
    /// <summary>The likelihood lesson's learned ratio, ROCs and results (live ones latest-wins; the final one kept).</summary>
    Likelihood,
    /// <summary>The distribution of one model's weights (the overfitting lesson's L1 against L2).</summary>
    Weights,
    /// <summary>A study's finished trial or progress (<see cref="TrainingEvent.Study"/>).</summary>
    Study,
    /// <summary>Boosted trees' feature importance and AUC per round (<see cref="TrainingEvent.Trees"/>).</summary>
    Trees,
    /// <summary>The network's parameters every few epochs (<see cref="TrainingEvent.Checkpoint"/>): stored, never sent to watchers.</summary>
    Checkpoint,
}

/// <summary>
/// One message of a run's stream. Flat on purpose: any SignalR client (JavaScript, Python, .NET)
/// reads it as plain JSON, switching on <see cref="Kind"/>.
/// </summary>
public sealed record TrainingEvent(
    long Sequence,
    TrainingEventKind Kind,
    ExperimentStatus Status,
    EpochMetrics? Metrics = null,
    BoundaryFrame? Boundary = null,
    EvaluationFrame? Evaluation = null,
    TrajectoryChunk? Trajectory = null,
    string? Message = null,
    LikelihoodFrame? Likelihood = null,
    WeightHistogram? Weights = null,
    Tuning.StudyUpdate? Study = null,
    Tracking.RunUsage? Usage = null,
    Trees.TreesFrame? Trees = null,
    ModelCheckpoint? Checkpoint = null)
{
    /// <summary>Frames may be skipped by slow watchers; everything else is delivered in order.</summary>
    public bool IsFrame => Kind is TrainingEventKind.Boundary or TrainingEventKind.Evaluation
        || (Kind == TrainingEventKind.Likelihood && Likelihood is { IsFinal: false });

    public bool IsTerminal => Kind == TrainingEventKind.Status && Status.IsTerminal();
}

/// <param name="Series">Which model of a multi-model run (e.g. the optimizer's name in a race); empty for single runs.</param>
/// <param name="TrainLossWithoutDropout">When <paramref name="TrainLoss"/> is the mean over the epoch's batches with dropout on
/// (as Keras reports it), the training loss measured again after the epoch with dropout off.</param>
/// <param name="RestoredEpoch">Set on the last epoch of a model that early stopping ended: the epoch whose weights it went
/// back to (the best one), so a chart can mark both the stop and the best epoch.</param>
/// <remarks>Test metrics are absent in runs that hold out a validation set and test only at the end (the jet recipe).</remarks>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double? TestLoss,
    double? TrainAccuracy = null,
    double? TestAccuracy = null,
    string Series = "",
    double? ValidationLoss = null,
    double? ValidationAccuracy = null,
    double? TrainLossWithoutDropout = null,
    int? RestoredEpoch = null);

/// <summary>
/// Network output over the input square [Min, Max]², row-major (<c>Output[row * Resolution + column]</c>, row = x2):
/// the probability of class 1 (classification) or the value (regression). Optionally every hidden neuron's output at
/// <paramref name="NeuronResolution"/>², layer by layer, and the weights ([out, in] row-major) and biases ([out]) of
/// each linear layer. A lean frame (<see cref="TrainingSpec.BrowserDrawn"/>) has no grids (<see cref="HasGrid"/> false):
/// the watcher evaluates the network from the weights and biases.
/// </summary>
public sealed record BoundaryFrame(
    int Epoch,
    int Resolution,
    double Min,
    double Max,
    float[] Output,
    int NeuronResolution = 0,
    IReadOnlyList<float[]>? Neurons = null,
    IReadOnlyList<float[]>? Weights = null,
    IReadOnlyList<float[]>? Biases = null)
{
    /// <summary>False for a lean frame: weights and biases only, no output or neuron grid.</summary>
    public bool HasGrid => Output.Length > 0;
}

public sealed record RocCurve(string Label, double[] SignalEfficiency, double[] BackgroundEfficiency, double Auc);

/// <summary>
/// A classifier's evaluation on one split: ROC curves (one per class one-vs-rest, or one for a binary run), the argmax
/// confusion matrix and, for binary runs, the score distributions per class.
/// </summary>
/// <param name="Curves">Downsampled for plotting; each carries the AUC of its full curve.</param>
/// <param name="ConfusionMatrix">Event counts, row = true class, column = predicted (argmax, or score ≥ 0.5 when binary).</param>
/// <param name="Split">"validation" while training holds out a validation set, otherwise "test".</param>
/// <param name="IsFinal">True for the last frame of a run, always on the test set.</param>
/// <param name="Events">Number of events evaluated.</param>
/// <param name="Accuracy">Share of events (by weight when weighted) on the confusion matrix's diagonal.</param>
/// <param name="WeightedConfusion">The confusion matrix in sums of event weights, when the data carry weights.</param>
/// <param name="ScoreHistograms">Binary runs: the signal probability's distribution per true class (by weight).</param>
/// <param name="TestScores">Final frame of a binary run with at most 200,000 test events: each event's signal probability,
/// so that a page can move a threshold without the model.</param>
/// <param name="TestLabels">Alongside <paramref name="TestScores"/>: 0 background, 1 signal.</param>
/// <param name="TestWeights">Alongside <paramref name="TestScores"/> when the data carry weights.</param>
public sealed record EvaluationFrame(
    int Epoch,
    IReadOnlyList<RocCurve> Curves,
    long[][]? ConfusionMatrix = null,
    IReadOnlyList<string>? ClassNames = null,
    string Split = "test",
    bool IsFinal = false,
    int Events = 0,
    double? Accuracy = null,
    double[][]? WeightedConfusion = null,
    IReadOnlyList<ScoreHistogram>? ScoreHistograms = null,
    float[]? TestScores = null,
    int[]? TestLabels = null,
    float[]? TestWeights = null);

/// <summary>A histogram of classifier scores for one true class: <c>Counts[i]</c> is the weight in [Edges[i], Edges[i+1]).</summary>
public sealed record ScoreHistogram(string Label, double[] Edges, double[] Counts);

/// <summary>Positions of each named optimizer for consecutive steps starting at <paramref name="FirstStep"/>.</summary>
public sealed record TrajectoryChunk(int FirstStep, IReadOnlyList<TrajectorySeries> Series);

/// <param name="DivergedAtStep">
/// Set once the optimizer left the surface (NaN/Inf, or far outside the view): from that step on it stands still
/// at its last good position.
/// </param>
public sealed record TrajectorySeries(string Name, double[] X, double[] Y, double[] Loss, int? DivergedAtStep = null);
