using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Experiments;

/// <summary>A valid network run and a validator over the Playground's data sets, which the validation tests vary.</summary>
internal static class ValidationSamples
{
    /// <summary>200 circle points, half for training; a 2-4-1 network with Adam.</summary>
    public static readonly ExperimentDefinition Network = new(
        Lesson.Playground,
        new DataSpec("circle", Points: 200, TrainFraction: 0.5),
        new ModelSpec([new HiddenLayer(4)]),
        new OptimizerSpec(OptimizerKind.Adam, 0.01),
        new TrainingSpec(Epochs: 10, BatchSize: 10));

    public static readonly ExperimentValidator Validator = new(new ExperimentLimits(), new DatasetCatalog([new PlaygroundDatasetSource()]));
}
