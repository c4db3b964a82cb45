using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>The likelihood page's controls; builds the run's definition and reads one back (a fork).</summary>
/// <param name="Width">Neurons in each of <paramref name="Layers"/> tanh layers: the network's capacity.</param>
public sealed record LikelihoodSettings(
    LikelihoodTask Task = LikelihoodTask.Ratio,
    LikelihoodToyKind Toy = LikelihoodToyKind.Gaussians1D,
    int EventsPerClass = 20_000,
    double Mu0 = 0,
    double Sigma0 = 1,
    double Mu1 = 1,
    double Sigma1 = 1,
    double Gamma = 0.05,
    double Rho = 0.5,
    int Width = 8,
    int Layers = 2,
    int Ensemble = 1,
    int Epochs = 50,
    double LearningRate = 0.01,
    double ClipQuantile = 1,
    int CheckEpochs = 20,
    double NegativeFraction = 0.3,
    int PseudoEvents = 1_000,
    int Seed = 1)
{
    /// <summary>Toys fill batches of 1024 (20 steps an epoch at 20,000 per class); the few thousand HIGGS events take 256.</summary>
    public int BatchSize => IsHiggs ? 256 : 1024;

    public bool IsHiggs => Task == LikelihoodTask.Ratio && Toy == LikelihoodToyKind.HiggsBackground;

    public LikelihoodSpec Spec => new(Toy, Task, EventsPerClass, Mu0, Sigma0, Mu1, Sigma1, Gamma, Rho, Ensemble, ClipQuantile, CheckEpochs, PseudoEvents, NegativeFraction);

    public ExperimentDefinition ToDefinition()
    {
        var spec = Spec;
        var data = IsHiggs
            ? new DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: 0.5, Features: MlIntro.Training.Likelihood.RatioProblems.HiggsFeatures)
            : new DataSpec(LikelihoodRules.DataNameFor(spec), Points: 2 * EventsPerClass);
        return new ExperimentDefinition(
            Lesson.LikelihoodRatios,
            data,
            new ModelSpec([.. Enumerable.Repeat(new HiddenLayer(Width), Layers)], Activation.Tanh),
            new OptimizerSpec(OptimizerKind.Adam, LearningRate),
            new TrainingSpec(Epochs, BatchSize, FrameIntervalMs: 250),
            Seed,
            Likelihood: spec);
    }

    /// <summary>The settings a stored definition was made with (a fork), the defaults where it says nothing.</summary>
    public static LikelihoodSettings From(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var s = definition.Likelihood ?? new LikelihoodSpec();
        var hidden = definition.Model?.HiddenLayers ?? [];
        return new LikelihoodSettings(
            s.Task, s.Toy, s.EventsPerClass, s.Mu0, s.Sigma0, s.Mu1, s.Sigma1, s.Gamma, s.Rho,
            hidden.Count > 0 ? hidden[0].Neurons : 8, hidden.Count, s.Ensemble,
            definition.Training?.Epochs ?? 50, definition.Optimizer?.LearningRate ?? 0.01,
            s.ClipQuantile, s.CheckEpochs, s.NegativeFraction, s.PseudoEvents, definition.Seed);
    }
}
