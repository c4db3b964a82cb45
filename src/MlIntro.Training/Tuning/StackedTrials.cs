using System.Diagnostics;
using MlIntro.Core.Metrics;
using MlIntro.Core.Tuning;
using MlIntro.Training.Batching;
using static TorchSharp.torch;

namespace MlIntro.Training.Tuning;

/// <summary>
/// Trains a wave of trials whose networks stack (<see cref="StackedCompatibility"/>) as one computation per
/// <see cref="StackKey"/> on the calling thread: the stacked Playground engine's <see cref="StackedGroup"/>, without its
/// frames. Every stack trains one epoch, then the wave's trials are judged together (diverged, rung, last epoch), so a
/// rung compares the whole wave as successive halving does; ended trials leave their stack, the rest train on.
/// </summary>
internal sealed class StackedTrials(Device device)
{
    public void Train(IReadOnlyList<(TrialTracker Trial, StackedMember Member)> trials, StudyContext context)
    {
        var clock = Stopwatch.StartNew();
        var stacks = trials.GroupBy(t => t.Member.Key)
            .Select(g => new Stack(new StackedGroup(g.Key, device), g.ToList()))
            .ToList();
        try
        {
            foreach (var stack in stacks)
            {
                stack.Group.Restack([.. stack.Alive.Select(t => t.Member)]);
            }
            for (var epoch = 1; epoch <= context.Epochs && stacks.Any(s => s.Alive.Count > 0); epoch++)
            {
                var live = stacks.Where(s => s.Alive.Count > 0).ToList();
                foreach (var stack in live)
                {
                    if (!stack.Group.TrainEpoch(() => context.Cancellation.IsCancellationRequested))
                    {
                        context.Cancellation.ThrowIfCancellationRequested();
                    }
                    stack.Record();
                }
                Judge(live, epoch, context, clock.Elapsed.TotalSeconds);
                foreach (var stack in live)
                {
                    stack.DropEnded();
                }
                var training = stacks.Sum(s => s.Alive.Count);
                context.Progress(new RunningTrials(training, epoch, training * epoch));
            }
        }
        finally
        {
            foreach (var stack in stacks)
            {
                stack.Dispose();
            }
        }
    }

    /// <summary>Ends the trials this epoch ends: diverged ones, all at the last epoch, and at a rung those not promoted.</summary>
    private static void Judge(List<Stack> live, int epoch, StudyContext context, double seconds)
    {
        var going = new List<(Stack Stack, int Index)>();
        foreach (var stack in live)
        {
            for (var k = 0; k < stack.Alive.Count; k++)
            {
                var trial = stack.Alive[k].Trial;
                if (!double.IsFinite(trial.LastTrainLoss) || !double.IsFinite(trial.LastHeldOutLoss))
                {
                    stack.End(k, trial.Finish(TrialState.Diverged, null, seconds, $"Diverged at epoch {epoch}."), context);
                }
                else
                {
                    going.Add((stack, k));
                }
            }
        }
        if (epoch == context.Epochs)
        {
            foreach (var (stack, k) in going)
            {
                stack.End(k, stack.Alive[k].Trial.Finish(TrialState.Complete, Objective(stack, k, context), seconds), context);
            }
            return;
        }
        if (context.Rungs is not { } rungs || !rungs.IsRung(epoch) || going.Count == 0)
        {
            return;
        }
        var losses = going.Select(g => g.Stack.Alive[g.Index].Trial.RungLoss(context.Objective)).ToList();
        var promoted = rungs.Report(epoch, losses);
        for (var j = 0; j < going.Count; j++)
        {
            var (stack, k) = going[j];
            var trial = stack.Alive[k].Trial;
            trial.AddRung(epoch, losses[j], promoted[j]);
            if (!promoted[j])
            {
                stack.End(k, trial.Finish(TrialState.Pruned, Objective(stack, k, context), seconds, $"Stopped at the rung of epoch {epoch}."), context);
            }
        }
    }

    private static double? Objective(Stack stack, int index, StudyContext context)
    {
        var (trial, member) = stack.Alive[index];
        double? auc = null;
        if (context.Objective == StudyObjective.Auc && member.TestLabels is { } labels)
        {
            auc = Roc.Binary(stack.Group.TestScores(index), labels).Auc;
        }
        return trial.Objective(context.Objective, auc);
    }

    /// <summary>One stack of the wave: its group, its trials in stack order, and those that ended this epoch.</summary>
    private sealed class Stack(StackedGroup group, List<(TrialTracker Trial, StackedMember Member)> alive) : IDisposable
    {
        private readonly HashSet<int> _ended = [];

        public StackedGroup Group { get; } = group;

        public List<(TrialTracker Trial, StackedMember Member)> Alive { get; } = alive;

        /// <summary>Adds the epoch just trained to every trial's curves.</summary>
        public void Record()
        {
            var (trainLoss, testLoss, _, testAccuracy) = Group.Measure();
            for (var k = 0; k < Alive.Count; k++)
            {
                Alive[k].Trial.AddEpoch(trainLoss[k], testLoss[k], testAccuracy?[k]);
            }
        }

        public void End(int index, TrialRecord record, StudyContext context)
        {
            context.Finished(record);
            _ended.Add(index);
        }

        /// <summary>Takes the ended trials out of the stack (after every measurement of the epoch that reads them by index).</summary>
        public void DropEnded()
        {
            if (_ended.Count == 0)
            {
                return;
            }
            var ended = _ended.Select(i => Alive[i]).ToList();
            Alive.RemoveAll(ended.Contains);
            _ended.Clear();
            Group.Restack([.. Alive.Select(t => t.Member)]);
            foreach (var (_, member) in ended)
            {
                member.Dispose();
            }
        }

        public void Dispose()
        {
            Group.Unstack();
            Group.Dispose();
            foreach (var (_, member) in Alive)
            {
                member.Dispose();
            }
        }
    }
}
