using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Batching;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Tuning;
using TorchSharp;

namespace MlIntro.Training.Tests.Tuning;

/// <summary>A study that searches the optimizer and dropout trains each trial with its own optimizer and dropout.</summary>
[Collection("torch")]
public sealed class OptimizerDropoutStudyTests : IDisposable
{
    // One trial at a time: dropout draws its masks from torch's global generator, so trials replay only in order.
    private static readonly TrainingOptions Options = new() { ThreadsPerRun = 1, MaxConcurrentHeavyRuns = 1 };
    private const int GlobalSeed = 1234;
    private static readonly OptimizerKind[] Optimizers = [OptimizerKind.GD, OptimizerKind.Adam];
    private readonly StackedRunExecutor _stacked = new(
        new DatasetCatalog([new CircleTestSource()]), torch.CPU, Options, Trainer.Executor(), NullLoggerFactory.Instance);

    public void Dispose() => _stacked.Dispose();

    private static ExperimentDefinition Study() =>
        Trainer.Definition(CircleTestSource.Name, 4, 2) with
        {
            Lesson = Lesson.Tuning,
            Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.03),
            Training = new TrainingSpec(Epochs: 4, BatchSize: 10, FrameIntervalMs: 60_000),
            Seed = 3,
            Study = new StudySpec(new SearchSpace(Optimizers: Optimizers, Dropout: new FloatRange(0.1, 0.5)), Trials: 6, Population: 6),
        };

    [Fact]
    public void Execute_OptimizerAndDropoutSearched_EachTrialTrainsAsARunWithItsOptimizerAndDropout()
    {
        var definition = Study();
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        torch.manual_seed(GlobalSeed);

        new StudyExecutor(_stacked, Trainer.Executor(), new StudyExecutorTests.NoStore(), torch.CPU, Options, NullLogger<StudyExecutor>.Instance).Execute(run);

        Assert.True(log.Last.Status == ExperimentStatus.Finished, log.Last.Message);
        var trials = log.Events.Select(e => e.Study?.Trial).OfType<TrialRecord>().ToList();
        Assert.Equal(6, trials.Count);
        Assert.Equal([0.0, 1.0], trials.Select(t => t.Values[SearchDimensions.Optimizer]).Distinct().Order());
        torch.manual_seed(GlobalSeed);
        foreach (var trial in trials) // in the order they trained and were published
        {
            var dropout = trial.Values[SearchDimensions.Dropout];
            Assert.InRange(dropout, 0.1, 0.5);
            // Written out by hand, not through TrialDefinitions: the run this trial should have been.
            var alone = definition with
            {
                Study = null,
                Model = definition.RequiredModel with { HiddenLayers = [new HiddenLayer(4, dropout), new HiddenLayer(2, dropout)] },
                Optimizer = new OptimizerSpec(Optimizers[(int)trial.Values[SearchDimensions.Optimizer]], 0.03),
                Training = definition.RequiredTraining with { EarlyStopping = false },
            };
            var epochs = Trainer.Run(alone).Epochs;
            Assert.Equal(epochs.Select(m => m.TrainLoss), trial.TrainLoss, (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.Equal(epochs.Select(m => m.TestLoss!.Value), trial.ValidationLoss, (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }
}
