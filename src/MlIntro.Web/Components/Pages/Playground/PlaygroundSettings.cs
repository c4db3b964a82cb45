using System.Globalization;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Training.Optimizers;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>Everything the Playground's controls set; it lives in the URL, TensorFlow Playground style.</summary>
/// <param name="HideControls">A teacher's view (<c>hide=controls</c>): the network, the map and the run buttons only.</param>
public sealed record PlaygroundSettings(
    string Dataset = "circle",
    int NoisePercent = 0,
    int TrainPercent = 50,
    int BatchSize = 10,
    double LearningRate = 0.03,
    Activation Activation = Activation.Tanh,
    Regularization Regularization = Regularization.None,
    double RegularizationRate = 0,
    ProblemKind Problem = ProblemKind.Classification,
    string Hidden = "4,2",
    string Features = "x1,x2",
    OptimizerKind Optimizer = OptimizerKind.GD,
    double Dropout = 0,
    bool EarlyStopping = false,
    int Seed = 1,
    double Momentum = 0.95,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Decay = 0.9,
    bool HideControls = false)
{
    public static readonly IReadOnlyList<string> ClassificationSets = ["circle", "xor", "gauss", "spiral"];
    public static readonly IReadOnlyList<string> RegressionSets = ["plane", "multigauss"];
    public static readonly IReadOnlyList<double> LearningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
    public static readonly IReadOnlyList<double> RegularizationRates = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

    public IReadOnlyList<int> HiddenLayers =>
        Hidden.Length == 0 ? [] : Hidden.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public IReadOnlyList<string> FeatureList => Features.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>TensorFlow Playground draws 500 points for classification and 1,200 for regression.</summary>
    public int Points => Problem == ProblemKind.Regression ? 1200 : 500;

    public ExperimentDefinition ToDefinition(int epochs) => new(
        Lesson.Playground,
        new DataSpec(Dataset, Points, NoisePercent / 100.0, TrainPercent / 100.0, FeatureList),
        new ModelSpec(HiddenLayers.Select(n => new HiddenLayer(n, Dropout)).ToArray(), Activation, Regularization, RegularizationRate, Problem),
        new OptimizerSpec(Optimizer, LearningRate, OptimizerParameters()),
        // The issue asks for a boundary frame at least every 50 ms; the page re-renders at most that often too. Frames
        // carry only the numbers: the browser draws the map (issue 10, item 1).
        new TrainingSpec(epochs, BatchSize, EarlyStopping, Patience: 50, FrameIntervalMs: 50, BrowserDrawn: true),
        Seed);

    /// <summary>Only the parameters the chosen optimizer reads: the factory rejects any other name.</summary>
    public IReadOnlyDictionary<string, double>? OptimizerParameters() => Optimizer switch
    {
        OptimizerKind.Momentum => new Dictionary<string, double> { [OptimizerParameterNames.Momentum] = Momentum },
        OptimizerKind.Adam => new Dictionary<string, double> { [OptimizerParameterNames.Beta1] = Beta1, [OptimizerParameterNames.Beta2] = Beta2 },
        OptimizerKind.RMSProp => new Dictionary<string, double> { [OptimizerParameterNames.Decay] = Decay },
        _ => null,
    };

    /// <summary>True for a data set the user uploaded (served from memory as "upload:{id}").</summary>
    public bool IsUpload => Dataset.StartsWith(UploadRegistry.Prefix, StringComparison.Ordinal);

    public PlaygroundSettings WithLayers(IEnumerable<int> layers) => this with { Hidden = string.Join(",", layers) };

    public PlaygroundSettings Toggle(string feature)
    {
        var features = FeatureList.ToList();
        if (!features.Remove(feature))
        {
            features.Add(feature);
        }
        // Keep the canonical order so equal settings have equal URLs.
        return this with { Features = string.Join(",", PlaneFeatures.All.Where(features.Contains)) };
    }
}
