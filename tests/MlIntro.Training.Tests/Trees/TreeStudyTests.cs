using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Core.Tuning;
using MlIntro.Training.Batching;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Tests.Tuning;
using MlIntro.Training.Tuning;
using TorchSharp;
using Xunit.Abstractions;

namespace MlIntro.Training.Tests.Trees;

/// <summary>A hyperparameter study over the trees' settings, through the same study executor as the networks'.</summary>
[Collection("torch")]
public sealed class TreeStudyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TrainingOptions Options = new() { ThreadsPerRun = 1 };
    private readonly StackedRunExecutor _stacked = new(
        new DatasetCatalog([new GaussTutorialSource()]), torch.CPU, Options, Trainer.Executor(), NullLoggerFactory.Instance);

    public void Dispose() => _stacked.Dispose();

    [Fact]
    public void Execute_FourTreeTrialsOnHiggs_FinishesEachWithTheSampledSettingsAndAnAuc()
    {
        var space = new SearchSpace(Trees: new TreeSearchSpace(Leaves: new IntRange(4, 32), LearningRate: new FloatRange(0.03, 0.3, Log: true)));
        var definition = TreeRuns.Higgs(rounds: 20) with
        {
            Lesson = Lesson.Tuning,
            Study = new StudySpec(space, StudyObjective.Auc, SamplerKind.Random, Trials: 4, Population: 2),
        };
        var executor = new StudyExecutor(_stacked, Trainer.Executor(), new StudyExecutorTests.NoStore(), torch.CPU, Options, NullLogger<StudyExecutor>.Instance,
            TreeRuns.Executor());
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);

        executor.Execute(run);

        var trials = log.Events.Select(e => e.Study?.Trial).OfType<TrialRecord>().ToList();
        output.WriteLine(string.Join("\n", trials.Select(t => $"{t.Number}: {string.Join(", ", t.Values.Select(v => $"{v.Key}={v.Value:G3}"))} AUC {t.Objective:F4}")));
        Assert.True(log.Last.Status == ExperimentStatus.Finished, log.Last.Message);
        Assert.Equal(Enumerable.Range(0, 4), trials.Select(t => t.Number).Order());
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Equal(20, t.TrainLoss.Length));
        Assert.All(trials, t => Assert.InRange(t.Values[TreeSearch.Leaves], 4, 32));
        Assert.All(trials, t => Assert.InRange(t.Objective!.Value, 0.65, 0.85));
        // Different settings, different trees.
        Assert.True(trials.Select(t => t.Objective).Distinct().Count() > 1);
    }

    [Fact]
    public void Execute_SameTrialAlone_GivesTheTrialsAuc()
    {
        var space = new SearchSpace(Trees: new TreeSearchSpace(MinEventsPerLeaf: new IntRange(5, 50)));
        var definition = TreeRuns.Higgs(rounds: 20) with { Lesson = Lesson.Tuning, Study = new StudySpec(space, StudyObjective.Auc, Trials: 1, Population: 1) };
        var executor = new StudyExecutor(_stacked, Trainer.Executor(), new StudyExecutorTests.NoStore(), torch.CPU, Options, NullLogger<StudyExecutor>.Instance, TreeRuns.Executor());
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);

        executor.Execute(run);
        var trial = log.Events.Select(e => e.Study?.Trial).OfType<TrialRecord>().Single();
        var alone = TreeRuns.FinalFrame(TreeRuns.Run(TrialDefinitions.For(definition, trial.Values, SearchDimensions.Of(space)) with { Lesson = Lesson.Evaluation }));

        Assert.Equal(new BoostedTreesSpec().Leaves, TrialDefinitions.For(definition, trial.Values, SearchDimensions.Of(space)).BoostedTrees!.Leaves);
        Assert.Equal(alone.Curves[0].Auc, trial.Objective!.Value, 9);
    }
}
