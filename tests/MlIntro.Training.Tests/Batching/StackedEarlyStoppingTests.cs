using MlIntro.Core.Experiments;
using MlIntro.Training.Batching;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Batching;

/// <summary>Early stopping in the stacked engine keeps the best epoch's network, as the single-run executor does.</summary>
[Collection("torch")]
public sealed class StackedEarlyStoppingTests
{
    private const int Patience = 3;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(120);
    [Fact]
    public async Task Execute_EarlyStopping_FinalEvaluationAndFrameAreTheBestEpochsNetwork()
    {
        // Adam at 0.1 on 100 points: the test loss wanders, so patience runs out long before 300 epochs. The same run
        // stopped by hand after exactly its best epoch (same seed, init and batch order) is the network it must hand back.
        var stopping = Trainer.Definition(CircleTestSource.Name, 8, 8) with
        {
            Optimizer = new OptimizerSpec(OptimizerKind.Adam, 0.1),
            Training = new TrainingSpec(Epochs: 300, BatchSize: 10, EarlyStopping: true, Patience: Patience, FrameIntervalMs: 60_000),
        };
        using var timeout = new CancellationTokenSource(Budget);
        using var engine = Trainer.Stacked(new CircleTestSource());

        var stopped = await RunStackedAsync(engine, stopping, timeout.Token);
        var test = stopped.Epochs.Select(m => m.TestLoss!.Value).ToList();
        var bestEpoch = test.IndexOf(test.Min()) + 1;
        var plain = await RunStackedAsync(engine, stopping with { Training = stopping.Training! with { Epochs = bestEpoch, EarlyStopping = false } }, timeout.Token);

        Assert.True(StackedCompatibility.Accepts(stopping, new TrainingOptions().StackedMaxEpochCost), "the precondition: the stacked engine trains this run");
        Assert.True(stopped.Epochs.Count < 300 && stopped.Epochs.Count == bestEpoch + Patience, $"stopped after {stopped.Epochs.Count} epochs, best {bestEpoch}");
        Assert.Equal(bestEpoch, stopped.Epochs[^1].RestoredEpoch);
        Assert.Contains($"restored the weights of epoch {bestEpoch}", stopped.Last.Message, StringComparison.Ordinal);
        var restored = Final(stopped);
        var reference = Final(plain);
        Assert.Equal(reference.Evaluation.Curves[0].Auc, restored.Evaluation.Curves[0].Auc, 1e-12);
        Assert.Equal(reference.Evaluation.Accuracy, restored.Evaluation.Accuracy);
        Assert.Equal(reference.Evaluation.ConfusionMatrix, restored.Evaluation.ConfusionMatrix);
        Assert.Equal(reference.Frame.Weights!.SelectMany(w => w), restored.Frame.Weights!.SelectMany(w => w));
        Assert.Equal(reference.Frame.Biases!.SelectMany(b => b), restored.Frame.Biases!.SelectMany(b => b));
    }

    private static (EvaluationFrame Evaluation, BoundaryFrame Frame) Final(RunLog log) =>
        (log.Events.Last(e => e.Evaluation is { IsFinal: true }).Evaluation!, log.Events.Last(e => e.Boundary is not null).Boundary!);

    private static async Task<RunLog> RunStackedAsync(StackedRunExecutor engine, ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        using var run = Trainer.NewRun(definition);
        var log = new RunLog(run);
        await Task.Factory.StartNew(() => engine.Execute(run), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).WaitAsync(cancellationToken);
        return log;
    }
}
