using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Trees;

namespace MlIntro.Training.Tests.Trees;

/// <summary>Tree runs for the tests: definitions on the shipped data and the real executor.</summary>
internal static class TreeRuns
{
    public static BoostedTreesExecutor Executor() => new(
        new DatasetCatalog([new GaussTutorialSource(), new HiggsUciSource()]),
        NullLogger<BoostedTreesExecutor>.Instance);

    /// <summary>The evaluation page's HIGGS data (every training event of the 50 % pool) with trees of <paramref name="spec"/>.</summary>
    public static ExperimentDefinition Higgs(int rounds = 100, BoostedTreesSpec? spec = null, int seed = 1, double validation = 0) => new(
        Lesson.Evaluation,
        new DataSpec(HiggsUciSource.Name, Points: 10_000, TrainFraction: 0.5),
        Training: new TrainingSpec(rounds, BatchSize: 32, FrameIntervalMs: 60_000, ValidationFraction: validation),
        Seed: seed,
        BoostedTrees: spec ?? new BoostedTreesSpec());

    public static RunLog Run(ExperimentDefinition definition)
    {
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        Executor().Execute(run);
        return log;
    }

    public static EvaluationFrame FinalFrame(RunLog log) =>
        log.Events.Last(e => e.Kind == TrainingEventKind.Evaluation).Evaluation!;

    public static TreesFrame TreesFrame(RunLog log) =>
        log.Events.Single(e => e.Kind == TrainingEventKind.Trees).Trees!;
}
