using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>The likelihood page's controls: the run's <see cref="LikelihoodSpec"/> and its network; builds the definition and reads one back (a fork).</summary>
/// <param name="Width">Neurons in each of <paramref name="Layers"/> tanh layers: the network's capacity.</param>
public sealed record LikelihoodSettings(LikelihoodSpec Spec, int Width = 8, int Layers = 2, int Epochs = 50, double LearningRate = 0.01, int Seed = 1)
{
    public LikelihoodSettings()
        : this(new LikelihoodSpec())
    {
    }

    /// <summary>Toys fill batches of 1024 (20 steps an epoch at 20,000 per class); the few thousand HIGGS events take 256.</summary>
    public int BatchSize => IsHiggs ? 256 : 1024;

    public bool IsHiggs => Spec is { Task: LikelihoodTask.Ratio, Toy: LikelihoodToyKind.HiggsBackground };

    public ExperimentDefinition ToDefinition()
    {
        var data = IsHiggs
            ? new DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: 0.5, Features: MlIntro.Training.Likelihood.RatioProblems.HiggsFeatures)
            : new DataSpec(LikelihoodRules.DataNameFor(Spec), Points: 2 * Spec.EventsPerClass);
        return new ExperimentDefinition(
            Lesson.LikelihoodRatios,
            data,
            new ModelSpec([.. Enumerable.Repeat(new HiddenLayer(Width), Layers)], Activation.Tanh),
            new OptimizerSpec(OptimizerKind.Adam, LearningRate),
            new TrainingSpec(Epochs, BatchSize, FrameIntervalMs: 250),
            Seed,
            Likelihood: Spec);
    }

    /// <summary>The settings a stored definition was made with (a fork), the defaults where it says nothing.</summary>
    public static LikelihoodSettings From(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var hidden = definition.Model?.HiddenLayers ?? [];
        return new LikelihoodSettings(
            definition.Likelihood ?? new LikelihoodSpec(),
            hidden.Count > 0 ? hidden[0].Neurons : 8,
            hidden.Count,
            definition.Training?.Epochs ?? 50,
            definition.Optimizer?.LearningRate ?? 0.01,
            definition.Seed);
    }
}
