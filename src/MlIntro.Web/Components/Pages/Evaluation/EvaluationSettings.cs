using System.Globalization;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Components.Pages.Evaluation;

/// <summary>The evaluation lesson's controls, and their definition both ways (a fork link fills the page).</summary>
/// <param name="Hidden">Hidden layer widths as typed, e.g. "8,8"; empty for logistic regression.</param>
/// <param name="BalanceClasses">Both classes carry equal total weight in the loss; metrics stay in physical weights.</param>
/// <param name="EarlyStopping">Hold out <see cref="ValidationShare"/> of the training rows and stop when their loss has not
/// improved for <paramref name="Patience"/> epochs.</param>
/// <param name="UseTrees">Train boosted decision trees (<paramref name="Trees"/>, <paramref name="Rounds"/> rounds) instead of the network.</param>
public sealed record EvaluationSettings(
    string Data,
    string Hidden = "8,8",
    int Epochs = 40,
    double LearningRate = 0.01,
    bool BalanceClasses = false,
    bool EarlyStopping = false,
    int Patience = 5,
    bool UseTrees = false,
    int Rounds = 100,
    Core.Experiments.Trees.BoostedTreesSpec? Trees = null)
{
    public Core.Experiments.Trees.BoostedTreesSpec TreesOrDefault => Trees ?? new();

    /// <summary>How the comparison names what these settings train, e.g. "network 8,8" or "boosted trees, 100 rounds".</summary>
    public string ModelLabel => UseTrees
        ? string.Create(CultureInfo.InvariantCulture, $"boosted trees, {Rounds} rounds × {TreesOrDefault.Leaves} leaves")
        : $"network {(Hidden.Trim().Length == 0 ? "without hidden layers" : Hidden.Trim())}";

    /// <summary>
    /// The same name for a stored definition (/e/{id}): trees or a single network; null for what is not one model
    /// (a race, a ladder, a study, a surface, the likelihood lesson's ensembles).
    /// </summary>
    public static string? ModelLabelOf(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition is { Race: not null } or { Ladder: not null } or { Study: not null } or { Surface: not null } or { Likelihood: not null })
        {
            return null;
        }
        if (definition.BoostedTrees is { } trees && definition.Training is { } rounds)
        {
            return (Default with { UseTrees = true, Rounds = rounds.Epochs, Trees = trees }).ModelLabel;
        }
        return definition.Model is { } model ? (Default with { Hidden = HiddenLayerText.Format(model.HiddenLayers) }).ModelLabel : null;
    }

    /// <summary>
    /// Share of the training rows held out for the validation loss (Keras' validation_split): the network's early stopping
    /// watches it, and boosted trees always keep it, to show their training and validation loss per round.
    /// </summary>
    public const double ValidationShare = 0.2;

    public static EvaluationSettings Default { get; } = new(GaussTutorialSource.Name);

    /// <summary>
    /// The issue's "trees overfit too": many rounds of big trees with tiny leaves on the HIGGS subsample, where the
    /// validation loss turns up after about ten rounds while the training loss keeps falling.
    /// </summary>
    public static EvaluationSettings Overfit(EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with
        {
            Data = Core.Data.Sources.Higgs.HiggsUciSource.Name,
            UseTrees = true,
            Rounds = 500,
            Trees = new Core.Experiments.Trees.BoostedTreesSpec(Leaves: 64, LearningRate: 0.3, MinEventsPerLeaf: 2),
        };
    }

    /// <summary>
    /// What is wrong with the settings for a server with <paramref name="limits"/>, in one sentence, or null: the page
    /// says it before starting instead of clamping anything.
    /// </summary>
    public string? Problem(ExperimentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (UseTrees)
        {
            // The server's validator names any other tree setting out of range.
            return Rounds is < 1 or > Core.Experiments.Trees.BoostedTreesSpec.MaxRounds
                ? string.Create(CultureInfo.InvariantCulture, $"Rounds must be between 1 and {Core.Experiments.Trees.BoostedTreesSpec.MaxRounds:N0}, not {Rounds:N0}.")
                : null;
        }
        if (ParseHidden() is not { } hidden)
        {
            return "Hidden layers must be whole numbers separated by commas, e.g. 8,8.";
        }
        if (hidden.Count > limits.MaxHiddenLayers)
        {
            return string.Create(CultureInfo.InvariantCulture, $"At most {limits.MaxHiddenLayers} hidden layers, not {hidden.Count}.");
        }
        var wrong = hidden.FindIndex(n => n < 1 || n > limits.MaxNeuronsPerLayer);
        if (wrong >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Each hidden layer needs 1 to {limits.MaxNeuronsPerLayer} neurons, not {hidden[wrong]}.");
        }
        if (Epochs < 1 || Epochs > limits.MaxEpochs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Epochs must be between 1 and {limits.MaxEpochs:N0} (this server's limit), not {Epochs:N0}.");
        }
        if (EarlyStopping && (Patience < 1 || Patience > Epochs))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Patience must be between 1 and the number of epochs ({Epochs:N0}).");
        }
        return null;
    }

    /// <summary>Throws <see cref="FormatException"/> when <see cref="Hidden"/> is not a list of whole numbers.</summary>
    public ExperimentDefinition ToDefinition(DataSpec data)
    {
        if (UseTrees)
        {
            // Trees read the rounds, frame interval, validation share and class balance of the training settings; no network,
            // no optimizer. Their best round is picked on the validation events, so the test events stay untouched for the ROC.
            return new ExperimentDefinition(Lesson.Evaluation, data,
                Training: new TrainingSpec(Rounds, BatchSize: 32, FrameIntervalMs: 500, ValidationFraction: ValidationShare, BalanceClasses: BalanceClasses),
                Seed: 1, BoostedTrees: TreesOrDefault);
        }
        var hidden = (ParseHidden() ?? throw new FormatException("Hidden layers must be whole numbers separated by commas."))
            .Select(n => new HiddenLayer(n))
            .ToList();
        return new ExperimentDefinition(
            Lesson.Evaluation,
            data,
            new ModelSpec(hidden, Activation.ReLU),
            new OptimizerSpec(OptimizerKind.Adam, LearningRate),
            new TrainingSpec(Epochs, BatchSize: 32, EarlyStopping, Patience, FrameIntervalMs: 500,
                ValidationFraction: EarlyStopping ? ValidationShare : 0, BalanceClasses: BalanceClasses),
            Seed: 1);
    }

    public static EvaluationSettings FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.BoostedTrees is { } trees)
        {
            var rounds = definition.RequiredTraining;
            return Default with { Data = definition.RequiredData.Name, UseTrees = true, Rounds = rounds.Epochs, Trees = trees, BalanceClasses = rounds.BalanceClasses };
        }
        var hidden = HiddenLayerText.Format(definition.RequiredModel.HiddenLayers);
        var training = definition.RequiredTraining;
        return new EvaluationSettings(definition.RequiredData.Name, hidden, training.Epochs, definition.RequiredOptimizer.LearningRate,
            training.BalanceClasses, training.EarlyStopping, training.Patience);
    }

    /// <summary>The data of a choice: the tutorial's Gaussians and uploads as they are, HIGGS with every training event of
    /// its half, Playground sets at 1,000 points.</summary>
    public static DataSpec DataFor(string name) =>
        name == Core.Data.Sources.Higgs.HiggsUciSource.Name ? new DataSpec(name, Points: 10_000, TrainFraction: 0.5)
        : name == GaussTutorialSource.Name || name.StartsWith(UploadRegistry.Prefix, StringComparison.Ordinal)
            ? new DataSpec(name, TrainFraction: 0.5)
            : new DataSpec(name, Points: 1000, Noise: 0.25, TrainFraction: 0.5);

    private List<int>? ParseHidden()
    {
        var widths = new List<int>();
        foreach (var part in Hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }
            widths.Add(n);
        }
        return widths;
    }
}
