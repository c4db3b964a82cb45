using MlIntro.Core.Experiments;
using MlIntro.Core.Optimizers;
using MlIntro.Core.Surfaces;

namespace MlIntro.Training.Optimizers;

/// <summary>The lecture slide's seven optimizers, and specs with every default written out.</summary>
public static class OptimizerPresets
{
    /// <summary>
    /// The slide's race (TF1 demo "optimizer-visualization" by Jaewan-Yun, MIT): learning rates as in its legend,
    /// every other hyperparameter at TF1's default, spelled out so the UI can show them.
    /// </summary>
    public static IReadOnlyList<NamedOptimizer> Slide { get; } =
    [
        new("Adadelta", WithDefaults(OptimizerKind.Adadelta, 50.0)),
        new("Adagrad", WithDefaults(OptimizerKind.Adagrad, 0.1)),
        new("Adam", WithDefaults(OptimizerKind.Adam, 0.05)),
        new("Ftrl", WithDefaults(OptimizerKind.Ftrl, 0.5)),
        new("GD", WithDefaults(OptimizerKind.GD, 0.05)),
        new("Momentum", WithDefaults(OptimizerKind.Momentum, 0.01)),
        new("RMSProp", WithDefaults(OptimizerKind.RMSProp, 0.02)),
    ];

    /// <summary>The slide's start point and number of steps.</summary>
    public static SurfacePoint SlideStart { get; } = new(0.75, 1.0);

    public const int SlideSteps = 1000;

    /// <summary>Every hyperparameter <paramref name="kind"/> reads, with its default (see <see cref="OptimizerParameters"/>).</summary>
    public static IReadOnlyDictionary<string, double> DefaultsFor(OptimizerKind kind) => OptimizerParameters.DefaultsFor(kind);

    /// <summary>A spec of <paramref name="kind"/> with every default written out.</summary>
    public static OptimizerSpec WithDefaults(OptimizerKind kind, double learningRate) =>
        new(kind, learningRate, DefaultsFor(kind));
}
