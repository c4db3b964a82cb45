namespace MlIntro.Core.Experiments;

/// <summary>What a server accepts; bound from configuration section "Limits".</summary>
/// <remarks>
/// The size limits at the door (<see cref="MaxDefinitionBytes"/>, <see cref="MaxNameLength"/>, …) are constants, not
/// settings: the hub checks a definition's raw JSON before it knows any configuration, and the hub's message-size
/// limit is chosen to fit them.
/// </remarks>
public sealed class ExperimentLimits
{
    /// <summary>A whole definition as <see cref="ExperimentJson"/> writes it (UTF-8), and the JSON a client sends.</summary>
    /// <remarks>The lessons' own definitions take under 2 KB; 16 KB leaves room for 16 racers with every parameter set.</remarks>
    public const int MaxDefinitionBytes = 16_384;

    /// <summary>Racer, data set, feature and surface names, and parameter keys: they are shown in legends and stored in every epoch row.</summary>
    public const int MaxNameLength = 64;

    /// <summary>A surface formula is an expression, not a name (Beale's alone is 62 characters).</summary>
    public const int MaxFormulaLength = 256;

    /// <summary>Feature names a definition may list; the data set's own list is checked after this cheap bound.</summary>
    public const int MaxFeatures = 256;

    /// <summary>Hyperparameters per optimizer; no kind reads more than five.</summary>
    public const int MaxParametersPerOptimizer = 16;

    public int MaxHiddenLayers { get; set; } = 10;
    public int MaxNeuronsPerLayer { get; set; } = 512;
    public int MaxEpochs { get; set; } = 100_000;
    public int MaxBatchSize { get; set; } = 65_536;
    public int MaxPoints { get; set; } = 50_000;
    public double MaxLearningRate { get; set; } = 100;
    public double MaxRegularizationRate { get; set; } = 10;
}
