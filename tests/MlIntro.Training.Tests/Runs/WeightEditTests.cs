using Microsoft.Extensions.Logging.Abstractions;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Batching;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Races;
using MlIntro.Training.Tests.Support;
using TorchSharp;

namespace MlIntro.Training.Tests.Runs;

/// <summary>
/// A weight set by hand in a live run (the Playground's click on a link): training continues from the edited value,
/// in the single-run executor and in the stacked engine alike.
/// </summary>
[Collection("torch")]
public sealed class WeightEditTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Layer 0 (2 inputs → 4 neurons) is [out, in] in frames: neuron 1 from input 0 is element 1·2 + 0.
    private const int Edited = 2;
    private static readonly WeightEdit ToThree = new(Layer: 0, To: 1, From: 0, Value: 3.0);

    // A second edit, of the output layer, makes a paused run publish a frame with all its current weights.
    private static readonly WeightEdit Probe = new(Layer: 2, To: 0, From: 1, Value: 0.5);

    private readonly StackedRunExecutor _stacked = new(
        new DatasetCatalog([new CircleTestSource()]), torch.CPU, new TrainingOptions { ThreadsPerRun = 1 }, Trainer.Executor(),
        NullLoggerFactory.Instance);

    public void Dispose() => _stacked.Dispose();

    private static ExperimentDefinition Definition() => Trainer.Definition(CircleTestSource.Name, 4, 2) with
    {
        // A small rate: one epoch moves a weight by far less than the distance between its initial value and 3.
        Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.0003),
        Training = new TrainingSpec(Epochs: 100_000, BatchSize: 10, FrameIntervalMs: 60_000),
        Seed = 3,
    };

    private static IReadOnlyList<BoundaryFrame> Frames(RunLog log) =>
        [.. log.Events.Where(e => e.Kind == TrainingEventKind.Boundary).Select(e => e.Boundary!)];

    private static async Task<float> PausedEditThenOneEpochAsync(Action<ExperimentRun> execute)
    {
        using var run = Trainer.NewRun(Definition());
        var log = new RunLog(run);
        run.Control.Pause();
        var thread = Task.Factory.StartNew(() => execute(run), TaskCreationOptions.LongRunning);
        await Waits.UntilAsync(() => Frames(log).Count == 1, Patience, "the epoch-0 frame");
        var initial = Frames(log)[0].Weights![0][Edited];

        run.Control.Edit(ToThree);
        await Waits.UntilAsync(() => Frames(log).Count == 2, Patience, "the frame of the edit while paused");
        var shown = Frames(log)[1].Weights![0][Edited];
        run.Control.Step();
        await Waits.UntilAsync(() => log.Epochs.Count == 1, Patience, "one epoch after the edit");
        run.Control.Edit(Probe);
        await Waits.UntilAsync(() => Frames(log).Count == 3, Patience, "the probe's frame");
        var trained = Frames(log)[2].Weights![0][Edited];
        run.Cancel();
        await thread.WaitAsync(Patience);

        Assert.True(Math.Abs(initial - 3) > 1, $"the initial weight {initial} should be far from the edit");
        Assert.Equal(3f, shown);
        Assert.NotEqual(3f, trained); // it trained
        Assert.True(Math.Abs(trained - 3) < 0.05, $"training should continue from 3, got {trained}");
        return trained;
    }

    [Fact]
    public async Task Edit_WhilePaused_ExecutorAndStackedEngineContinueFromTheEditedValue()
    {
        var executor = Trainer.Executor();

        var alone = await PausedEditThenOneEpochAsync(executor.Execute);
        var stacked = await PausedEditThenOneEpochAsync(_stacked.Execute);

        // Same data, seed, init and edit: the stacked engine's epoch is the executor's (their losses agree to 1e-5).
        Assert.Equal(alone, stacked, 1e-5f);
    }

    [Fact]
    public async Task Edit_WhileRunningInTheStack_IsWrittenIntoTheStackAndTrainingContinuesFromIt()
    {
        using var run = Trainer.NewRun(Definition());
        var log = new RunLog(run);
        var thread = Task.Factory.StartNew(() => _stacked.Execute(run), TaskCreationOptions.LongRunning);
        await Waits.UntilAsync(() => log.Epochs.Count >= 3, Patience, "three epochs");
        var initial = Frames(log)[0].Weights![0][Edited];

        run.Control.Edit(ToThree);
        var editedAt = log.Epochs.Count;
        await Waits.UntilAsync(() => log.Epochs.Count >= editedAt + 3, Patience, "epochs after the edit");
        run.Control.Pause();
        await Task.Delay(200);
        run.Control.Edit(Probe);
        await Waits.UntilAsync(() => Frames(log).Count >= 2 || log.Events[^1].IsTerminal, Patience, "the probe's frame");
        Assert.False(log.Events[^1].IsTerminal, $"the run ended: {log.Events[^1].Status} {log.Events[^1].Message}");
        var trained = Frames(log)[^1].Weights![0][Edited];
        var epochs = log.Epochs.Count;
        run.Cancel();
        await thread.WaitAsync(Patience);

        Assert.True(Math.Abs(initial - 3) > 1, $"the initial weight {initial} should be far from the edit");
        Assert.NotEqual(3f, trained);
        Assert.True(Math.Abs(trained - 3) < 0.5, $"after {epochs} epochs at a rate of 0.0003 the weight should still be near 3, got {trained}");
    }

    [Theory]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(-100.5, false)]
    [InlineData(-100, true)]
    [InlineData(2.5, true)]
    public void IsValid_Value_IsFiniteAndWithinTheBound(double value, bool valid)
    {
        var edit = new WeightEdit(0, 0, 0, value);

        var actual = edit.IsValid;

        Assert.Equal(valid, actual);
    }
}
