using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Batching;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Tuning;
using TorchSharp;

namespace MlIntro.Training.Tests.Tuning;

/// <summary>Network studies scored by held-out accuracy and by AUC, end to end: each trial's objective is what the same run trained alone measures.</summary>
[Collection("torch")]
public sealed class ObjectiveStudyTests : IDisposable
{
    private static readonly TrainingOptions Options = new() { ThreadsPerRun = 1 };
    private readonly StackedRunExecutor _stacked = new(
        new DatasetCatalog([new CircleTestSource()]), torch.CPU, Options, Trainer.Executor(), NullLoggerFactory.Instance);

    public void Dispose() => _stacked.Dispose();

    private static ExperimentDefinition Study(StudyObjective objective) =>
        Trainer.Definition(CircleTestSource.Name, 4, 2) with
        {
            Lesson = Lesson.Tuning,
            Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.03),
            Training = new TrainingSpec(Epochs: 8, BatchSize: 10, FrameIntervalMs: 60_000),
            Study = new StudySpec(new SearchSpace(LearningRate: new FloatRange(0.01, 0.3, Log: true), Neurons: new IntRange(2, 6)),
                objective, Trials: 4, Population: 4),
        };

    private List<TrialRecord> Execute(ExperimentDefinition definition, out TrainingEvent last)
    {
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        new StudyExecutor(_stacked, Trainer.Executor(), new StudyExecutorTests.NoStore(), torch.CPU, Options, NullLogger<StudyExecutor>.Instance).Execute(run);
        last = log.Last;
        return [.. log.Events.Select(e => e.Study?.Trial).OfType<TrialRecord>()];
    }

    [Theory]
    [InlineData(StudyObjective.Accuracy)]
    [InlineData(StudyObjective.Auc)]
    public void Execute_MaximisedObjective_EachTrialScoresWhatItsRunAloneMeasuresAndTheBestIsTheHighest(StudyObjective objective)
    {
        var definition = Study(objective);

        var trials = Execute(definition, out var last);

        Assert.True(last.Status == ExperimentStatus.Finished, last.Message);
        Assert.Equal(4, trials.Count);
        var dimensions = SearchDimensions.Of(definition.Study!.Space);
        foreach (var trial in trials)
        {
            var alone = Trainer.Run(TrialDefinitions.For(definition, trial.Values, dimensions));
            var expected = objective == StudyObjective.Accuracy
                ? alone.Epochs[^1].TestAccuracy!.Value
                : alone.Events.Select(e => e.Evaluation).OfType<EvaluationFrame>().Last(f => f.IsFinal).Curves.Single().Auc;
            Assert.Equal(expected, trial.Objective!.Value, 4);
            Assert.InRange(trial.Objective.Value, 0, 1);
        }
        var best = trials.MaxBy(t => t.Objective!.Value)!;
        Assert.Contains($"best: trial {best.Number}, {objective.Label()}", last.Message, StringComparison.Ordinal);
    }
}
