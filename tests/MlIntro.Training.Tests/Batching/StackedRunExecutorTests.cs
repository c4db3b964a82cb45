using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Batching;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Races;
using MlIntro.Training.Tests.Support;
using TorchSharp;

namespace MlIntro.Training.Tests.Batching;

/// <summary>
/// The stacked engine against its reference: every stacked run must publish the epoch losses the unbatched
/// <see cref="NetworkRunExecutor"/> publishes for the same definition (same data, seed, init and shuffle), whatever
/// else shares its stack, and end as that executor would.
/// </summary>
[Collection("torch")]
public sealed class StackedRunExecutorTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly StackedRunExecutor _stacked = new(
        new DatasetCatalog([new CircleTestSource(), new SpiralTestSource(), new RampTestSource()]),
        torch.CPU,
        new TrainingOptions { ThreadsPerRun = 1 },
        Trainer.Executor(),
        NullLoggerFactory.Instance);

    private static ExperimentDefinition Small(OptimizerKind kind, double lr, int seed = 1, string data = CircleTestSource.Name) =>
        Trainer.Definition(data, 4, 2) with
        {
            Optimizer = new OptimizerSpec(kind, lr),
            Training = new TrainingSpec(Epochs: 8, BatchSize: 10, FrameIntervalMs: 60_000),
            Seed = seed,
        };

    public void Dispose() => _stacked.Dispose();

    [Theory]
    [InlineData(OptimizerKind.GD, 0.03)]
    [InlineData(OptimizerKind.Momentum, 0.01)]
    [InlineData(OptimizerKind.Adam, 0.03)]
    public async Task Execute_OneRun_PublishesTheUnbatchedExecutorsEpochLosses(OptimizerKind kind, double lr)
    {
        var definition = Small(kind, lr);
        var reference = Trainer.Run(definition);

        var (log, _) = await RunStackedAsync(definition);

        Assert.True(log.Last.Status == ExperimentStatus.Finished, log.Last.Message);
        AssertSameLosses(reference, log);
    }

    [Fact]
    public async Task Execute_ThreeRunsWithDifferentRatesAndData_EachMatchesItsUnbatchedTwin()
    {
        ExperimentDefinition[] definitions =
        [
            Small(OptimizerKind.GD, 0.03, seed: 1),
            Small(OptimizerKind.GD, 0.3, seed: 2, data: SpiralTestSource.Name),
            Small(OptimizerKind.GD, 0.003, seed: 3) with { Model = new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Regularization: Regularization.L2, RegularizationRate: 0.01) },
        ];
        var references = definitions.Select(d => Trainer.Run(d)).ToList();

        var stacked = await Task.WhenAll(definitions.Select(RunStackedAsync));

        for (var i = 0; i < definitions.Length; i++)
        {
            Assert.Equal(ExperimentStatus.Finished, stacked[i].Log.Last.Status);
            AssertSameLosses(references[i], stacked[i].Log);
        }
        // Different rates and data really give different curves: the test would notice runs mixed up in the stack.
        Assert.NotEqual(stacked[0].Log.Epochs[^1].TrainLoss, stacked[1].Log.Epochs[^1].TrainLoss, 3);
    }

    [Fact]
    public async Task Execute_OneMemberDiverges_ItEndsDivergedAndTheOthersFinishAsAlone()
    {
        // The executor's own divergence case (MSE on unscaled inputs with lr 100) next to the same net with lr 0.001.
        var regression = Trainer.Definition(RampTestSource.Name) with
        {
            Model = new ModelSpec([], Activation.Linear, Problem: ProblemKind.Regression),
            Training = new TrainingSpec(Epochs: 20, BatchSize: 10, FrameIntervalMs: 60_000),
        };
        var exploding = regression with { Optimizer = new OptimizerSpec(OptimizerKind.GD, 100) };
        var calm = regression with { Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.001) };
        var reference = Trainer.Run(calm);

        var results = await Task.WhenAll(RunStackedAsync(exploding), RunStackedAsync(calm));

        var diverged = results[0].Log;
        Assert.Equal(ExperimentStatus.Diverged, diverged.Last.Status);
        Assert.Contains("learning rate", diverged.Last.Message, StringComparison.Ordinal);
        Assert.True(diverged.Epochs.Count < 20);
        Assert.Equal(ExperimentStatus.Finished, results[1].Log.Last.Status);
        AssertSameLosses(reference, results[1].Log);
    }

    [Fact]
    public async Task Cancel_OneMember_EndsItCancelledWithinAnEpochWhileTheOthersKeepTraining()
    {
        var endless = Small(OptimizerKind.GD, 0.03) with { Training = new TrainingSpec(Epochs: 1_000_000, BatchSize: 10, FrameIntervalMs: 60_000) };
        var runs = Enumerable.Range(1, 3).Select(seed => Trainer.NewRun(endless with { Seed = seed })).ToList();
        var logs = runs.Select(r => new RunLog(r)).ToList();
        var threads = runs.Select(r => Task.Factory.StartNew(() => _stacked.Execute(r), TaskCreationOptions.LongRunning)).ToList();
        await WaitUntilAsync(() => logs.All(l => l.Epochs.Count >= 3));

        var cancelledAt = logs[0].Now;
        runs[0].Cancel();
        var end = await logs[0].Terminal.WaitAsync(Patience);
        await threads[0].WaitAsync(Patience);
        var othersAtCancel = logs.Skip(1).Select(l => l.Epochs.Count).ToList();
        await WaitUntilAsync(() => logs.Skip(1).Zip(othersAtCancel).All(p => p.First.Epochs.Count >= p.Second + 5));

        Assert.Equal(ExperimentStatus.Cancelled, end.Status);
        Assert.True(logs[0].TimeOf(e => e.IsTerminal) - cancelledAt < TimeSpan.FromSeconds(1));
        Assert.All(logs.Skip(1), l => Assert.False(l.Terminal.IsCompleted));
        foreach (var run in runs.Skip(1))
        {
            run.Cancel();
        }
        await Task.WhenAll(threads).WaitAsync(Patience);
        Assert.All(logs, l => Assert.Equal(ExperimentStatus.Cancelled, l.Last.Status));
        runs.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task PauseStepResume_OfOneMember_TrainsExactlyTheStepsAndKeepsItsParameters()
    {
        var definition = Small(OptimizerKind.Momentum, 0.01);
        var reference = Trainer.Run(definition);
        var neighbour = Small(OptimizerKind.Momentum, 0.01, seed: 5) with { Training = new TrainingSpec(Epochs: 1_000_000, BatchSize: 10, FrameIntervalMs: 60_000) };
        using var paused = Trainer.NewRun(definition);
        using var other = Trainer.NewRun(neighbour);
        var log = new RunLog(paused);
        var otherLog = new RunLog(other);
        paused.Control.Pause();
        var threads = new[] { paused, other }.Select(r => Task.Factory.StartNew(() => _stacked.Execute(r), TaskCreationOptions.LongRunning)).ToList();
        await WaitUntilAsync(() => otherLog.Epochs.Count >= 5);

        Assert.Empty(log.Epochs);
        Assert.Contains(log.Events, e => e.Kind == TrainingEventKind.Boundary && e.Boundary!.Epoch == 0);
        paused.Control.Step();
        await WaitUntilAsync(() => log.Epochs.Count == 1);
        paused.Control.Step();
        await WaitUntilAsync(() => log.Epochs.Count == 2);
        var otherBefore = otherLog.Epochs.Count;
        await WaitUntilAsync(() => otherLog.Epochs.Count >= otherBefore + 10);
        Assert.Equal(2, log.Epochs.Count);
        paused.Control.Resume();
        await log.Terminal.WaitAsync(Patience);
        other.Cancel();
        await Task.WhenAll(threads).WaitAsync(Patience);

        Assert.Equal(ExperimentStatus.Finished, log.Last.Status);
        AssertSameLosses(reference, log);
    }

    [Fact]
    public void Execute_RunWithFramesDue_PublishesBoundaryFramesInTheExecutorsFormat()
    {
        var definition = Small(OptimizerKind.GD, 0.03) with { Training = new TrainingSpec(Epochs: 3, BatchSize: 10, FrameIntervalMs: 0) };
        var reference = Trainer.Run(definition);
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);

        _stacked.Execute(run);

        var expected = reference.Events.Where(e => e.Kind == TrainingEventKind.Boundary).Select(e => e.Boundary!).ToList();
        var actual = log.Events.Where(e => e.Kind == TrainingEventKind.Boundary).Select(e => e.Boundary!).ToList();
        Assert.Equal(expected.Select(f => f.Epoch), actual.Select(f => f.Epoch));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Resolution, e.Min, e.Max, e.NeuronResolution), (a.Resolution, a.Min, a.Max, a.NeuronResolution));
            AssertClose(e.Output, a.Output);
            Assert.Equal(e.Neurons!.Count, a.Neurons!.Count);
            foreach (var (en, an) in e.Neurons.Zip(a.Neurons))
            {
                AssertClose(en, an);
            }
            Assert.Equal(e.Weights!.Count, a.Weights!.Count);
            foreach (var (ew, aw) in e.Weights.Zip(a.Weights))
            {
                AssertClose(ew, aw);
            }
            Assert.Equal(e.Biases!.Count, a.Biases!.Count);
            foreach (var (eb, ab) in e.Biases.Zip(a.Biases))
            {
                AssertClose(eb, ab);
            }
        }
        Assert.Equal(
            reference.Events.Where(e => e.Kind == TrainingEventKind.Evaluation).Select(e => (e.Evaluation!.Epoch, e.Evaluation.IsFinal)),
            log.Events.Where(e => e.Kind == TrainingEventKind.Evaluation).Select(e => (e.Evaluation!.Epoch, e.Evaluation.IsFinal)));
    }

    [Fact]
    public void For_IncompatibleDefinitions_PicksTheNetworkExecutor()
    {
        var network = Trainer.Executor();
        var selector = new RunExecutorSelector(network, RaceRuns.NetworkExecutor(), RaceRuns.SurfaceExecutor(), _stacked);
        var compatible = Small(OptimizerKind.Adam, 0.03);
        ExperimentDefinition[] incompatible =
        [
            compatible with { Model = new ModelSpec([new HiddenLayer(4, Dropout: 0.2)]) },
            compatible with { Optimizer = new OptimizerSpec(OptimizerKind.RMSProp, 0.01) },
            compatible with { Optimizer = new OptimizerSpec(OptimizerKind.Nesterov, 0.01) },
            compatible with { Training = compatible.RequiredTraining with { ValidationFraction = 0.2 } },
            compatible with { Training = compatible.RequiredTraining with { BalanceClasses = true } },
            compatible with { Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.1, new Dictionary<string, double> { ["weightDecay"] = 0.01 }) },
        ];

        using var accepted = Trainer.NewRun(compatible);
        Assert.Same(_stacked, selector.For(accepted));
        foreach (var definition in incompatible)
        {
            using var run = Trainer.NewRun(definition);
            Assert.Same(network, selector.For(run));
        }
    }

    [Fact]
    public void Execute_DataTheStackCannotTake_FallsBackAndReportsAsTheExecutor()
    {
        // An unknown data set passes the definition check; the fallback reports it exactly as the executor does.
        var definition = Small(OptimizerKind.GD, 0.03, data: "no-such-set");
        var reference = Trainer.Run(definition);
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);

        _stacked.Execute(run);

        Assert.Equal(reference.Events.Select(e => (e.Status, e.Message)), log.Events.Select(e => (e.Status, e.Message)));
    }

    [Fact]
    public void For_SwitchOff_PicksTheNetworkExecutor()
    {
        var network = Trainer.Executor();
        using var off = new StackedRunExecutor(new DatasetCatalog([new CircleTestSource()]), torch.CPU,
            new TrainingOptions { StackPlaygroundRuns = false }, network, NullLoggerFactory.Instance);
        using var run = Trainer.NewRun(Small(OptimizerKind.GD, 0.03));

        Assert.Same(network, new RunExecutorSelector(network, RaceRuns.NetworkExecutor(), RaceRuns.SurfaceExecutor(), off).For(run));
    }

    private async Task<(RunLog Log, ExperimentRun Run)> RunStackedAsync(ExperimentDefinition definition)
    {
        var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        await Task.Factory.StartNew(() => _stacked.Execute(run), TaskCreationOptions.LongRunning).WaitAsync(Patience);
        return (log, run);
    }

    private static void AssertSameLosses(RunLog expected, RunLog actual)
    {
        Assert.Equal(expected.Epochs.Count, actual.Epochs.Count);
        foreach (var (e, a) in expected.Epochs.Zip(actual.Epochs))
        {
            Assert.Equal(e.Epoch, a.Epoch);
            Assert.True(Math.Abs(e.TrainLoss - a.TrainLoss) <= Tolerance, $"epoch {e.Epoch}: train loss {a.TrainLoss}, unbatched {e.TrainLoss}");
            Assert.True(Math.Abs(e.TestLoss!.Value - a.TestLoss!.Value) <= Tolerance, $"epoch {e.Epoch}: test loss {a.TestLoss}, unbatched {e.TestLoss}");
            Assert.Equal(e.TrainAccuracy.HasValue, a.TrainAccuracy.HasValue);
        }
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4, $"largest difference {worst}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(5);
        }
    }
}
