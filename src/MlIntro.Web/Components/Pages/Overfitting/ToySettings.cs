using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>
/// The lecture's under/good/over picture made live: the same noisy 2D toy fitted at once by a logistic regression (too
/// simple), a small network (about right) and a big one trained long (too flexible).
/// </summary>
/// <param name="Noise">The toy generator's noise (0 to 0.5): more noise, more to overfit.</param>
/// <param name="Points">Points drawn, half of them for training.</param>
public sealed record ToySettings(string Data = "xor", int Points = 200, double Noise = 0.35, int Epochs = 300)
{
    public static IReadOnlyList<(string Title, ModelSpec Model)> Fits { get; } =
    [
        ("Underfitting: logistic regression", new ModelSpec([], Activation.Tanh)),
        ("About right: 4-4 tanh", new ModelSpec([new HiddenLayer(4), new HiddenLayer(4)], Activation.Tanh)),
        ("Overfitting: 64-64-64 ReLU", new ModelSpec([new HiddenLayer(64), new HiddenLayer(64), new HiddenLayer(64)], Activation.ReLU)),
    ];

    public DataSpec DataSpec => new(Data, Math.Clamp(Points, 20, 1000), Math.Clamp(Noise, 0, 0.5), TrainFraction: 0.5);

    /// <summary>The overfitting network once more, on the training points augmented by the toy's mirror symmetry.</summary>
    public static string AugmentedTitle => "Overfitting network + augmentation (training points mirrored ×4)";

    public DataSpec AugmentedSpec => DataSpec with { Name = Core.Data.Sources.ReflectedToySource.Prefix + Data };

    /// <summary>The panel's settings when <paramref name="definition"/> is one of its fits, else null.</summary>
    public static ToySettings? FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var data = definition.RequiredData;
        var name = data.Name.StartsWith(Core.Data.Sources.ReflectedToySource.Prefix, StringComparison.Ordinal)
            ? data.Name[Core.Data.Sources.ReflectedToySource.Prefix.Length..]
            : data.Name;
        return definition.Ladder is null && name is "xor" or "circle"
            ? new ToySettings(name, data.Points, data.Noise, definition.RequiredTraining.Epochs)
            : null;
    }

    public ExperimentDefinition Definition(ModelSpec model, bool augmented = false) => new(
        Lesson.Overfitting,
        augmented ? AugmentedSpec : DataSpec,
        model,
        new OptimizerSpec(OptimizerKind.Adam, 0.01),
        new TrainingSpec(Math.Clamp(Epochs, 1, LadderSettings.MaxEpochs), BatchSize: 10, FrameIntervalMs: 200),
        Seed: 1);
}
