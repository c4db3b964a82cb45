using System.Diagnostics;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Tuning;

/// <summary>
/// Trains trials that cannot stack (dropout, a validation split, HIGGS, jets, other optimizers) through the single-run
/// path (<see cref="NetworkRunExecutor"/>), a few at once, reading each one's events as it trains: its curves, and its
/// rungs, where a trial that is not among the best 1/η is cancelled.
/// </summary>
internal sealed class SingleTrials(IRunExecutor executor, int concurrency)
{
    public void Train(ExperimentRun study, IReadOnlyList<TrialTracker> trials, StudyContext context)
    {
        var clock = Stopwatch.StartNew();
        var epochs = new int[trials.Count];
        var ended = new bool[trials.Count];
        // One lock over "trial ended and counted done" and "progress read": a trial is never counted both as done
        // and as still training (which made the ETA too short).
        var gate = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = context.Cancellation };
        Parallel.For(0, trials.Count, options, i =>
        {
            var record = TrainOne(study, trials[i], context, epoch =>
            {
                lock (gate)
                {
                    epochs[i] = epoch;
                    context.Progress(Running(epochs, ended));
                }
            }, clock);
            lock (gate)
            {
                ended[i] = true;
                if (record is not null)
                {
                    context.Finished(record);
                }
            }
        });
        context.Cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>Trials that trained an epoch and have not ended; those not started yet have done no work.</summary>
    private static RunningTrials Running(int[] epochs, bool[] ended)
    {
        var (count, trained) = (0, 0);
        for (var i = 0; i < epochs.Length; i++)
        {
            if (!ended[i] && epochs[i] > 0)
            {
                (count, trained) = (count + 1, trained + epochs[i]);
            }
        }
        return new RunningTrials(count, count == 0 ? 0 : (int)Math.Round((double)trained / count), trained);
    }

    /// <returns>Null when the trial was stopped by the study's cancellation: it has no result and runs again on resume.</returns>
    private TrialRecord? TrainOne(ExperimentRun study, TrialTracker trial, StudyContext context, Action<int> epochDone, Stopwatch clock)
    {
        using var child = new ExperimentRun($"{study.Id}.{trial.Number}", trial.Definition, study.OwnerId);
        using var stop = context.Cancellation.Register(() =>
        {
            if (study.IsInterrupted)
            {
                child.Interrupt();
            }
            else
            {
                child.Cancel();
            }
        });
        var pruned = false;
        double? auc = null;
        string? message = null;
        child.Events.Published += e =>
        {
            if (e is { Kind: TrainingEventKind.Epoch, Metrics: { } m })
            {
                trial.AddEpoch(m.TrainLoss, m.ValidationLoss ?? m.TestLoss ?? double.NaN, m.ValidationAccuracy ?? m.TestAccuracy);
                epochDone(m.Epoch);
                if (context.Rungs is { } rungs && rungs.IsRung(m.Epoch) && m.Epoch < context.Epochs && !pruned)
                {
                    var loss = trial.RungLoss(context.Objective);
                    var promoted = rungs.Report(m.Epoch, [loss])[0];
                    trial.AddRung(m.Epoch, loss, promoted);
                    if (!promoted)
                    {
                        pruned = true;
                        message = $"Stopped at the rung of epoch {m.Epoch}.";
                        child.Cancel();
                    }
                }
            }
            else if (e is { Kind: TrainingEventKind.Evaluation, Evaluation: { IsFinal: true, Curves.Count: > 0 } frame })
            {
                // Several classes: the mean of the one-vs-rest AUCs (macro average).
                auc = frame.Curves.Average(c => c.Auc);
            }
            else if (e.IsTerminal && !pruned)
            {
                message = e.Message;
            }
        };
        executor.Execute(child);
        var seconds = clock.Elapsed.TotalSeconds;
        return child.Events.Status switch
        {
            _ when pruned => trial.Finish(TrialState.Pruned, trial.Objective(context.Objective, auc), seconds, message),
            ExperimentStatus.Finished => trial.Finish(TrialState.Complete, trial.Objective(context.Objective, auc), seconds, message),
            ExperimentStatus.Diverged => trial.Finish(TrialState.Diverged, null, seconds, message),
            ExperimentStatus.Failed => trial.Finish(TrialState.Failed, null, seconds, message),
            _ => null,
        };
    }
}
