using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Training.Likelihood;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Support;
using TorchSharp;

namespace MlIntro.Training.Tests.Likelihood;

/// <summary>Runs likelihood definitions through the real executor on the calling thread.</summary>
internal static class LikelihoodRuns
{
    public static ExperimentDefinition Definition(LikelihoodSpec spec, int epochs = 50) => new(
        Lesson.LikelihoodRatios,
        new DataSpec(LikelihoodRules.DataNameFor(spec), Points: Math.Min(50_000, 2 * spec.EventsPerClass)),
        new ModelSpec([new(8), new(8)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.Adam, 0.01),
        new TrainingSpec(epochs, 1024, FrameIntervalMs: 60_000),
        Seed: 1,
        Likelihood: spec);

    public static RunLog Run(ExperimentDefinition definition)
    {
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        new LikelihoodRunExecutor(
            new DatasetCatalog([new LikelihoodToySource(), new HiggsUciSource()]),
            torch.CPU,
            new TrainingOptions { ThreadsPerRun = 1 },
            NullLogger<LikelihoodRunExecutor>.Instance).Execute(run);
        return log;
    }

    /// <summary>The run's final frame; a run that ended without one fails the test with its closing message.</summary>
    public static LikelihoodFrame Final(this RunLog log) =>
        log.Events.SingleOrDefault(e => e.Kind == TrainingEventKind.Likelihood && e.Likelihood!.IsFinal)?.Likelihood
            ?? throw new Xunit.Sdk.XunitException($"No final frame: the run ended {log.Last.Status} ({log.Last.Message}).");
}
