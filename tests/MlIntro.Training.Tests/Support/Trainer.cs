using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using TorchSharp;

namespace MlIntro.Training.Tests.Support;

/// <summary>Builds the real executor over the test data sets and runs experiments on the calling thread.</summary>
internal static class Trainer
{
    public static NetworkRunExecutor Executor(params IDatasetSource[] extra) => new(
        new DatasetCatalog([new CircleTestSource(), new SpiralTestSource(), new RampTestSource(), .. extra]),
        torch.CPU,
        new TrainingOptions { ThreadsPerRun = 1 },
        NullLogger<NetworkRunExecutor>.Instance);

    /// <summary>A stacked engine of the test's own, on one torch thread, over <paramref name="sources"/>.</summary>
    public static MlIntro.Training.Batching.StackedRunExecutor Stacked(params IDatasetSource[] sources) =>
        new(new DatasetCatalog(sources), torch.CPU, new TrainingOptions { ThreadsPerRun = 1 }, Executor(), NullLoggerFactory.Instance);

    /// <summary>A small classification run; tests change what matters to them with <c>with</c>.</summary>
    public static ExperimentDefinition Definition(string data, params int[] hidden) => new(
        Lesson.Playground,
        new DataSpec(data, Points: 200),
        new ModelSpec([.. hidden.Select(n => new HiddenLayer(n))]),
        new OptimizerSpec(OptimizerKind.Adam, 0.03),
        // Frames only at the start and the end: they cost time and these tests do not look at them.
        new TrainingSpec(Epochs: 5, BatchSize: 10, FrameIntervalMs: 60_000),
        Seed: 1);

    public static ExperimentRun NewRun(ExperimentDefinition definition) => new(ExperimentIds.New(), definition, "test-owner");

    /// <summary>Trains <paramref name="definition"/> to its end on this thread and returns what it published.</summary>
    public static RunLog Run(ExperimentDefinition definition, params IDatasetSource[] extra)
    {
        using var run = NewRun(definition);
        var log = new RunLog(run);
        Executor(extra).Execute(run);
        return log;
    }
}
