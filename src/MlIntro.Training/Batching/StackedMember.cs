using System.Diagnostics;
using MlIntro.Core.Data;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Models;
using MlIntro.Training.Runs;
using static TorchSharp.torch;

namespace MlIntro.Training.Batching;

/// <summary>
/// One run trained by the stacked engine: its data, its network and optimizer state while it is out of a stack
/// (joining, paused), and what the executor would keep on its stack (shuffle, clocks, early stopping).
/// Tensors are owned here, outside any dispose scope, and freed by <see cref="Dispose"/>.
/// </summary>
internal sealed class StackedMember : IDisposable
{
    // A task rather than an event: nothing to dispose while the run's thread may still be waking up from it.
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _endedFlag;

    /// <param name="state">Parameters in layer order (W₀ [in, out], b₀ [1, out], W₁, b₁, …) followed by the optimizer's
    /// slots (one or two per parameter), all detached and owned by the member from now on.</param>
    public StackedMember(
        ExperimentRun run, StackKey key, StackedHyperparameters hyper, DatasetSplit data, IReadOnlyList<Tensor> state,
        Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, Tensor grid, Tensor neuronGrid, PlaneGrid boundary)
    {
        Run = run;
        Key = key;
        Hyper = hyper;
        State = [.. state];
        TrainX = trainX;
        TrainY = trainY;
        TestX = testX;
        TestY = testY;
        Grid = grid;
        NeuronGrid = neuronGrid;
        (GridMin, GridMax) = (boundary.Min, boundary.Max);
        ClassNames = data.ClassNames;
        TestLabels = data.Test.Labels;
        Shuffle = new Random(run.Definition.Seed);
    }

    public ExperimentRun Run { get; }

    public StackKey Key { get; }

    public StackedHyperparameters Hyper { get; }

    /// <summary>The run's parameters and slots while it is out of a stack; null while a stack holds them.</summary>
    public Tensor[]? State { get; set; }

    /// <summary>Sets one weight while the run is out of any stack (paused); false when outside its network.</summary>
    public bool SetWeight(Core.Experiments.WeightEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return State is { } state && edit.IsValid && 2 * edit.Layer < ParameterCount
            && StackedWeights.Set(state[2 * edit.Layer], edit);
    }

    private int ParameterCount => 2 * (Key.HiddenWidths.Count + 1);

    public Tensor TrainX { get; }

    public Tensor TrainY { get; }

    public Tensor TestX { get; }

    public Tensor TestY { get; }

    public Tensor Grid { get; }

    public Tensor NeuronGrid { get; }

    public double GridMin { get; }

    public double GridMax { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public int[]? TestLabels { get; }

    /// <summary>The run's own shuffle, drawn exactly as the executor draws it.</summary>
    public Random Shuffle { get; }

    /// <summary>Optimizer steps taken (TF1 Adam's t).</summary>
    public long Steps { get; set; }

    /// <summary>Epochs trained so far.</summary>
    public int Epoch { get; set; }

    public bool NeedsInitialFrame { get; set; } = true;

    public Stopwatch FrameClock { get; } = new();

    public EvaluationClock EvaluationClock { get; } = new();

    public double BestLoss { get; set; } = double.PositiveInfinity;

    public int BestEpoch { get; set; }

    /// <summary>Early stopping's copy of the parameters at <see cref="BestEpoch"/> (null without early stopping), restored when it stops.</summary>
    public Tensor[]? BestWeights { get; private set; }

    /// <summary>Keeps <paramref name="parameters"/> (owned from now on) as the best epoch's, freeing the previous copy.</summary>
    public void KeepBest(Tensor[] parameters)
    {
        foreach (var old in BestWeights ?? [])
        {
            old.Dispose();
        }
        BestWeights = parameters;
    }

    public bool IsEnded => Volatile.Read(ref _endedFlag) != 0;

    /// <summary>Set once the run's final status is published; the run's own thread waits for it.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Publishes the run's final status (first caller wins) and releases the run's thread.</summary>
    public void End(Core.Experiments.ExperimentStatus status, string? message)
    {
        if (Interlocked.Exchange(ref _endedFlag, 1) != 0)
        {
            return;
        }
        Run.Events.PublishStatus(status, message);
        _ended.TrySetResult();
    }

    public void Dispose()
    {
        foreach (var tensor in State ?? [])
        {
            tensor.Dispose();
        }
        State = null;
        KeepBest([]);
        TrainX.Dispose();
        TrainY.Dispose();
        TestX.Dispose();
        TestY.Dispose();
        Grid.Dispose();
        NeuronGrid.Dispose();
    }
}
