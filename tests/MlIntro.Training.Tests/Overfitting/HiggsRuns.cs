using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using TorchSharp;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>The real HIGGS subsample as the overfitting tests use it: a few hundred or thousand training events, the fixed held-out set.</summary>
internal static class HiggsRuns
{
    public static HiggsUciSource Source { get; } = new();

    public static DatasetCatalog Catalog { get; } = new([Source]);

    /// <summary>A binary HIGGS classifier trained with Adam at batch <paramref name="batch"/>.</summary>
    public static ExperimentDefinition Definition(int points, int epochs, int batch, params int[] hidden) => new(
        Lesson.Overfitting,
        new DataSpec(HiggsUciSource.Name, Points: points, TrainFraction: 0.9),
        new ModelSpec([.. hidden.Select(n => new HiddenLayer(n))], Activation.ReLU),
        new OptimizerSpec(OptimizerKind.Adam, 0.001),
        new TrainingSpec(epochs, batch, FrameIntervalMs: 60_000),
        Seed: 1);

    public static (DatasetSplit Data, ModelShape Shape) Load(ExperimentDefinition definition)
    {
        var data = Catalog.Load(definition.RequiredData, definition.Seed, CancellationToken.None);
        return (data, ModelShape.For(data, ProblemKind.Classification));
    }

    public static SplitTensors Tensors(TabularData data, ModelShape shape) => SplitTensors.From(data, shape, torch.CPU);
}
