using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>The tuning lesson's controls, and their study definition both ways (a fork link fills the page).</summary>
/// <param name="Data">A Playground toy, <c>higgs-uci</c>, <c>toy-jets</c> or an upload of this page.</param>
/// <param name="Points">Points a toy draws, or training events drawn from HIGGS.</param>
/// <param name="Pruning">Successive halving with <paramref name="Eta"/> and <paramref name="Grace"/>.</param>
/// <param name="Trees">A study of boosted trees instead of networks: <paramref name="Epochs"/> are then boosting rounds,
/// the learning-rate range is the trees' shrinkage, and leaves, events per leaf and feature fraction may be searched.</param>
/// <param name="Optimizers">The optimizers searched when <paramref name="SearchOptimizer"/> is on; null is
/// <see cref="DefaultOptimizers"/>. Every optimizer takes the searched learning rate and its own defaults otherwise.</param>
/// <param name="DropoutLow">Dropout searched uniformly from here to <paramref name="DropoutHigh"/> in every hidden layer.</param>
public sealed record TuningSettings(
    string Data = "circle",
    int Points = 250,
    SamplerKind Sampler = SamplerKind.Random,
    StudyObjective Objective = StudyObjective.ValidationLoss,
    int Trials = 16,
    int Population = 16,
    int Epochs = 100,
    bool SearchLearningRate = true,
    double LearningRateLow = 0.001,
    double LearningRateHigh = 0.3,
    bool SearchNeurons = true,
    int NeuronsMin = 1,
    int NeuronsMax = 8,
    bool SearchLayers = false,
    int LayersMin = 1,
    int LayersMax = 3,
    bool SearchActivation = false,
    bool SearchL2 = false,
    bool Pruning = false,
    int Eta = 3,
    int Grace = 10,
    int Seed = 1,
    bool Trees = false,
    bool SearchLeaves = true,
    bool SearchMinEvents = true,
    bool SearchFeatureFraction = false,
    bool SearchOptimizer = false,
    IReadOnlyList<OptimizerKind>? Optimizers = null,
    bool SearchDropout = false,
    double DropoutLow = 0.0,
    double DropoutHigh = 0.5)
{
    /// <summary>The lecture's optimizers, as the Optimizers lesson names them; batch size is left out on purpose (see the page text).</summary>
    public static readonly IReadOnlyList<OptimizerKind> OfferedOptimizers =
        [OptimizerKind.GD, OptimizerKind.Momentum, OptimizerKind.Nesterov, OptimizerKind.Adagrad, OptimizerKind.RMSProp, OptimizerKind.Adam];

    public static readonly IReadOnlyList<OptimizerKind> DefaultOptimizers = [OptimizerKind.GD, OptimizerKind.Momentum, OptimizerKind.Adam];

    /// <summary>The optimizers a search takes, in the order <see cref="OfferedOptimizers"/> lists them.</summary>
    public IReadOnlyList<OptimizerKind> OptimizerChoices => Optimizers ?? DefaultOptimizers;

    /// <summary>The settings with <paramref name="kind"/> added to or taken from the searched optimizers.</summary>
    public TuningSettings WithOptimizer(OptimizerKind kind, bool searched)
    {
        var chosen = OptimizerChoices.Where(k => k != kind).Concat(searched ? [kind] : []).ToHashSet();
        return this with { Optimizers = Normalised([.. OfferedOptimizers.Where(chosen.Contains).Concat(chosen.Except(OfferedOptimizers))]) };
    }

    /// <summary>Null for the default set, so that equal settings compare equal (a list compares by reference).</summary>
    private static IReadOnlyList<OptimizerKind>? Normalised(IReadOnlyList<OptimizerKind> kinds) =>
        kinds.SequenceEqual(DefaultOptimizers) ? null : kinds;

    /// <summary>The ranges a tree study searches: wide enough to show under- and overfitting trees, inside LightGBM's sensible values.</summary>
    public static readonly IntRange LeavesRange = new(4, 64);
    public static readonly IntRange MinEventsRange = new(2, 50);
    public static readonly FloatRange FeatureFractionRange = new(0.5, 1.0);

    /// <summary>The data sets offered, with their labels.</summary>
    public static IReadOnlyList<(string Name, string Label)> DataSets { get; } =
    [
        ("circle", "Playground: circle"),
        ("xor", "Playground: exclusive or"),
        ("gauss", "Playground: two Gaussians"),
        ("spiral", "Playground: spiral"),
        (HiggsUciSource.Name, "HIGGS (UCI, real)"),
        (ToyJetsSource.Name, "Jets (toy, 5 classes)"),
    ];

    public bool IsPlayground => PlaygroundDatasetSource.ClassificationSets.Contains(Data);

    /// <summary>The study: the Playground's default network (2-4-2-1 tanh, SGD 0.03, batch 10) as the base trial on the toys.</summary>
    public ExperimentDefinition Definition()
    {
        if (Trees)
        {
            return TreesDefinition();
        }

        var space = new SearchSpace(
            LearningRate: SearchLearningRate ? new FloatRange(LearningRateLow, LearningRateHigh, Log: true, GridPoints: 4) : null,
            HiddenLayers: SearchLayers ? new IntRange(LayersMin, LayersMax) : null,
            Neurons: SearchNeurons ? new IntRange(NeuronsMin, NeuronsMax) : null,
            Activations: SearchActivation ? [Activation.Tanh, Activation.ReLU, Activation.Sigmoid] : null,
            Optimizers: SearchOptimizer ? [.. OptimizerChoices] : null,
            L2: SearchL2 ? new FloatRange(1e-5, 0.01, Log: true) : null,
            Dropout: SearchDropout ? new FloatRange(DropoutLow, DropoutHigh) : null);
        var study = new StudySpec(space, Objective, Sampler, Trials, Population, Pruning ? new PruningSpec(Eta, Grace) : null);
        return new ExperimentDefinition(
            Lesson.Tuning,
            new DataSpec(Data, Points: Points, TrainFraction: IsPlayground ? 0.5 : 0.8),
            new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], IsPlayground ? Activation.Tanh : Activation.ReLU),
            new OptimizerSpec(IsPlayground ? OptimizerKind.GD : OptimizerKind.Adam, IsPlayground ? 0.03 : 0.003),
            new TrainingSpec(Epochs, BatchSize: IsPlayground ? 10 : 64, FrameIntervalMs: 60_000),
            Seed,
            Study: study);
    }

    /// <summary>Trees read the rounds, validation split and frame interval of the training settings; no network, no optimizer.</summary>
    private ExperimentDefinition TreesDefinition()
    {
        var trees = new TreeSearchSpace(
            Leaves: SearchLeaves ? LeavesRange : null,
            LearningRate: SearchLearningRate ? new FloatRange(LearningRateLow, LearningRateHigh, Log: true, GridPoints: 4) : null,
            MinEventsPerLeaf: SearchMinEvents ? MinEventsRange : null,
            FeatureFraction: SearchFeatureFraction ? FeatureFractionRange : null);
        var study = new StudySpec(new SearchSpace(Trees: trees), Objective, Sampler, Trials, Population, Pruning ? new PruningSpec(Eta, Grace) : null);
        return new ExperimentDefinition(
            Lesson.Tuning,
            new DataSpec(Data, Points: Points, TrainFraction: IsPlayground ? 0.5 : 0.8),
            Training: new TrainingSpec(Epochs, BatchSize: 32, FrameIntervalMs: 60_000),
            Seed: Seed,
            Study: study,
            BoostedTrees: new Core.Experiments.Trees.BoostedTreesSpec());
    }

    /// <summary>The controls that give <paramref name="definition"/> (a fork of a study).</summary>
    public static TuningSettings From(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var study = definition.Study ?? new StudySpec(new SearchSpace());
        var space = study.Space;
        var defaults = new TuningSettings();
        // The other model's toggles are hidden: they keep the page's defaults, ready for a switch of model.
        var trees = definition.BoostedTrees is not null;
        return new TuningSettings(
            definition.RequiredData.Name,
            definition.RequiredData.Points,
            study.Sampler,
            study.Objective,
            study.Trials,
            study.Population,
            definition.RequiredTraining.Epochs,
            (space.LearningRate ?? space.Trees?.LearningRate) is not null,
            (space.LearningRate ?? space.Trees?.LearningRate)?.Low ?? defaults.LearningRateLow,
            (space.LearningRate ?? space.Trees?.LearningRate)?.High ?? defaults.LearningRateHigh,
            trees ? defaults.SearchNeurons : space.Neurons is not null,
            space.Neurons?.Min ?? defaults.NeuronsMin,
            space.Neurons?.Max ?? defaults.NeuronsMax,
            space.HiddenLayers is not null,
            space.HiddenLayers?.Min ?? defaults.LayersMin,
            space.HiddenLayers?.Max ?? defaults.LayersMax,
            space.Activations is { Count: > 0 },
            space.L2 is not null,
            study.Pruning is not null,
            study.Pruning?.ReductionFactor ?? defaults.Eta,
            study.Pruning?.GracePeriod ?? defaults.Grace,
            definition.Seed,
            trees,
            trees ? space.Trees?.Leaves is not null : defaults.SearchLeaves,
            trees ? space.Trees?.MinEventsPerLeaf is not null : defaults.SearchMinEvents,
            trees ? space.Trees?.FeatureFraction is not null : defaults.SearchFeatureFraction,
            space.Optimizers is not null,
            space.Optimizers is { } kinds ? Normalised(kinds) : null,
            space.Dropout is not null,
            space.Dropout?.Low ?? defaults.DropoutLow,
            space.Dropout?.High ?? defaults.DropoutHigh);
    }
}
