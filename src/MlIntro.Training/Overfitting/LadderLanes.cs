using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Runs;
using TorchSharp;

namespace MlIntro.Training.Overfitting;

/// <summary>
/// Trains a ladder's models concurrently, each on a thread of its own (a lane), all publishing into the one run. The
/// run's torch threads are shared between the lanes still training: while the three small models run beside Large each
/// lane has one, and once they are done Large gets the whole budget back. A small model's epoch costs little, so its
/// curve runs ahead of Large's instead of waiting for it.
/// </summary>
/// <remarks>
/// Dedicated threads, not the thread pool: a ladder trains for minutes, and blocked pool threads would slow every
/// Blazor circuit on the server. Not stacked: the four Large variants share a shape and could be one batched computation,
/// but the stacked engine carries one penalty kind and no dropout per stack, and at 500 × 512 × 512 the matmuls are
/// already big enough that batching them would save almost nothing. Each lane keeps at least one torch thread,
/// so a ladder of more models than its thread budget uses more cores than the budget while they all train (the OS
/// shares them); the scheduler still counts the ladder as one heavy run.
/// </remarks>
internal static class LadderLanes
{
    public static void Train(ExperimentRun run, IReadOnlyList<LadderRung> rungs, SplitTensors train, SplitTensors heldOut, int threadBudget, CancellationToken token)
    {
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(token);
        var active = rungs.Count;
        var failures = new ConcurrentQueue<ExceptionDispatchInfo>();
        var lanes = rungs.Select((rung, i) => new Thread(() =>
        {
            try
            {
                TrainRung(run, rung, train, heldOut, () => Math.Max(1, threadBudget / Math.Max(1, Volatile.Read(ref active))), stopAll.Token);
            }
#pragma warning disable CA1031 // Rethrown on the run's thread below, after every lane has stopped.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Enqueue(ExceptionDispatchInfo.Capture(ex));
                stopAll.Cancel();
            }
            finally
            {
                Interlocked.Decrement(ref active);
            }
        })
        { IsBackground = true, Name = $"ladder-{run.Id[..Math.Min(6, run.Id.Length)]}-{i}" }).ToList();
        lanes.ForEach(l => l.Start());
        lanes.ForEach(l => l.Join());
        // A lane's own failure wins over the cancellation it caused in the others.
        failures.FirstOrDefault(f => f.SourceException is not OperationCanceledException)?.Throw();
        token.ThrowIfCancellationRequested();
        failures.FirstOrDefault()?.Throw();
    }

    /// <summary>One model's epochs on this thread; its weight histograms (if regularized) at most every frame interval and at its end.</summary>
    private static void TrainRung(ExperimentRun run, LadderRung rung, SplitTensors train, SplitTensors heldOut, Func<int> threads, CancellationToken token)
    {
        var settings = run.Definition.RequiredTraining;
        var histogramClock = Stopwatch.StartNew();
        var threadCount = 0;
        for (var epoch = 1; epoch <= settings.Epochs && rung.IsActive; epoch++)
        {
            run.Control.WaitForTurn(token);
            if (threads() is var wanted && wanted != threadCount)
            {
                // Per thread: each lane sets its own share of the run's budget.
                torch.set_num_threads(threadCount = wanted);
            }
            var metrics = rung.TrainEpoch(epoch, train, heldOut, token);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));
            if (rung.IsRegularized && (epoch == settings.Epochs || !rung.IsActive || histogramClock.ElapsedMilliseconds >= settings.FrameIntervalMs))
            {
                var histogram = rung.Histogram(epoch);
                run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Weights, ExperimentStatus.Running, Weights: histogram));
                histogramClock.Restart();
            }
        }
    }
}
