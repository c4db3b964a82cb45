using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Batching;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Tuning;
using TorchSharp;

namespace MlIntro.Training.Tests.Tuning;

/// <summary>A study's trials trained as one stacked population: every trial once, each as the single-run path would train it.</summary>
[Collection("torch")]
public sealed class StudyExecutorTests : IDisposable
{
    private static readonly TrainingOptions Options = new() { ThreadsPerRun = 1 };
    private readonly StackedRunExecutor _stacked = new(
        new DatasetCatalog([new CircleTestSource()]), torch.CPU, Options, Trainer.Executor(), NullLoggerFactory.Instance);

    public void Dispose() => _stacked.Dispose();

    private StudyExecutor Executor() =>
        new(_stacked, Trainer.Executor(), new NoStore(), torch.CPU, Options, NullLogger<StudyExecutor>.Instance);

    private static ExperimentDefinition Study(StudySpec study, int epochs = 8) =>
        Trainer.Definition(CircleTestSource.Name, 4, 2) with
        {
            Lesson = Lesson.Tuning,
            Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.03),
            Training = new TrainingSpec(Epochs: epochs, BatchSize: 10, FrameIntervalMs: 60_000),
            Study = study,
        };

    private static readonly SearchSpace Space = new(LearningRate: new FloatRange(0.003, 0.3, Log: true), Neurons: new IntRange(2, 6));

    private List<TrialRecord> Execute(ExperimentDefinition definition, out RunLog log)
    {
        using var run = Trainer.NewRun(definition);
        log = new RunLog(run);
        Executor().Execute(run);
        return [.. log.Events.Select(e => e.Study?.Trial).OfType<TrialRecord>()];
    }

    [Fact]
    public void Execute_SixteenRandomTrials_PublishesEachTrialOnceWithItsCurves()
    {
        var trials = Execute(Study(new StudySpec(Space, Trials: 16, Population: 8)), out var log);

        Assert.True(log.Last.Status == ExperimentStatus.Finished, log.Last.Message);
        Assert.Equal(Enumerable.Range(0, 16), trials.Select(t => t.Number).Order());
        Assert.All(trials, t => Assert.Equal(8, t.TrainLoss.Length));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
    }

    [Fact]
    public void Execute_StackedTrials_TrainAsTheSingleRunPathTrainsEachAlone()
    {
        var definition = Study(new StudySpec(Space, Trials: 4, Population: 4));
        var dimensions = SearchDimensions.Of(Space);

        var trials = Execute(definition, out _);

        foreach (var trial in trials)
        {
            var alone = Trainer.Run(TrialDefinitions.For(definition, trial.Values, dimensions)).Epochs;
            Assert.Equal(alone.Select(m => m.TestLoss!.Value), trial.ValidationLoss, (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.Equal(alone.Select(m => m.TrainLoss), trial.TrainLoss, (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }

    [Fact]
    public void Execute_SuccessiveHalvingEtaTwo_KeepsTheBetterHalfAtEachRung()
    {
        var study = new StudySpec(Space, Trials: 8, Population: 8, Pruning: new PruningSpec(ReductionFactor: 2, GracePeriod: 2));

        var trials = Execute(Study(study, epochs: 8), out _);

        Assert.Equal(8, trials.Count);
        foreach (var rung in new[] { 2, 4 })
        {
            var reached = trials.Where(t => t.Rungs!.Any(r => r.Epoch == rung)).ToList();
            var losses = reached.ToDictionary(t => t.Number, t => t.ValidationLoss[rung - 1]);
            var better = losses.OrderBy(p => p.Value).Take(reached.Count / 2).Select(p => p.Key).Order();
            Assert.Equal(better, reached.Where(t => t.Rungs!.Single(r => r.Epoch == rung).Promoted).Select(t => t.Number).Order());
        }
        Assert.Equal(2, trials.Count(t => t.State == TrialState.Complete));
        Assert.Equal(6, trials.Count(t => t.State == TrialState.Pruned));
    }

    /// <summary>These tests resume nothing, so nothing reads a store.</summary>
    internal sealed class NoStore : IExperimentStore
    {
        public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AppendAsync(string id, IReadOnlyList<TrainingEvent> events, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<TrainingEvent>> EventsAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredExperiment>> RecentAsync(int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> FailUnfinishedAsync(string message, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
