using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;
using MlIntro.Training.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Training.Batching;

/// <summary>
/// Trains every registered Playground run of the process on one thread, runs of one <see cref="StackKey"/> stacked
/// into one computation (<see cref="StackedGroup"/>): tiny networks are bound by TorchSharp's per-call cost, which a
/// stack of K runs pays once instead of K times. Each engine epoch gives every running member exactly one epoch, so
/// no run starves. Membership changes between epochs: runs join, leave (finished, diverged, cancelled) and step out
/// while paused, keeping their parameters and optimizer state.
/// </summary>
public sealed class StackedPlaygroundEngine(Device device, TrainingOptions options, ILogger<StackedPlaygroundEngine> logger) : IDisposable
{
    private const int PausedPollMs = 10;

    /// <summary>Added to the least time between two frames of a run for each other run in the engine: 30 runs, 232 ms.</summary>
    private const int FrameSpacingPerRunMs = 8;

    private readonly ConcurrentQueue<StackedMember> _joining = new();
    private readonly AutoResetEvent _wake = new(initialState: false);
    private readonly Lock _gate = new();
    private readonly Dictionary<StackKey, StackedGroup> _groups = [];
    private readonly List<StackedMember> _paused = [];
    private readonly HashSet<StackedMember> _all = [];
    private Thread? _thread;
    private volatile bool _stopping;

    /// <summary>
    /// Hands a run to the engine thread; its end is published on the run and signalled by <see cref="StackedMember.Ended"/>.
    /// False when the engine has stopped (the server is stopping): the member stays the caller's.
    /// </summary>
    internal bool Join(StackedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (_stopping)
            {
                return false;
            }
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "train-stacked" };
                _thread.Start();
            }
            // Under the gate: Stop cannot slip in between, so the engine thread ends every member that joined.
            _joining.Enqueue(member);
        }
        Wake();
        return true;
    }

    /// <summary>Wakes the engine (a paused run resumed, a run was cancelled) without waiting for its next poll.</summary>
    internal void Wake()
    {
        try
        {
            _wake.Set();
        }
        catch (ObjectDisposedException)
        {
            // Stopped: nothing left to wake (a run's cancellation may fire after that).
        }
    }

    /// <summary>
    /// Stops the engine: its thread leaves the epoch at the next step, ends its runs as Interrupted, frees their tensors
    /// and ends. True when the thread ended within <paramref name="timeout"/>; if not, everything it holds is left
    /// alone (leaked) rather than freed under its feet.
    /// </summary>
    public bool Stop(TimeSpan timeout)
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
        }
        if (thread is not null && !thread.Join(0))
        {
            Wake();
            if (!thread.Join(timeout))
            {
                logger.LogWarning("The stacked engine did not stop within {Timeout}; its tensors are left to the process exit", timeout);
                return false;
            }
        }
        _wake.Dispose();
        return true;
    }

    public void Dispose() => Stop(TimeSpan.FromSeconds(10));

    private void Loop()
    {
        torch.set_num_threads(options.ThreadsPerRun > 0 ? options.ThreadsPerRun : 1);
        while (!_stopping)
        {
            try
            {
                if (!Tick())
                {
                    _wake.WaitOne(_paused.Count > 0 ? PausedPollMs : Timeout.Infinite);
                }
            }
#pragma warning disable CA1031 // A bug here must end the runs it affects, never the engine that trains everyone else.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Stacked training failed; ending its runs");
                EndAll(ExperimentStatus.Failed, "Training failed: " + ex.Message);
            }
        }
        EndAll(ExperimentStatus.Interrupted, Runs.ExperimentRun.InterruptedMessage);
    }

    /// <summary>One engine epoch: membership, then one epoch of every group. False when no run was ready to train.</summary>
    private bool Tick()
    {
        UpdateMembership();
        var trained = false;
        foreach (var group in _groups.Values.Where(g => g.Members.Count > 0).ToList())
        {
            if (_stopping)
            {
                break;
            }
            TrainGroup(group);
            trained = true;
        }
        return trained;
    }

    private void UpdateMembership()
    {
        var edited = ApplyEditsInStacks();
        var wanted = _groups.ToDictionary(g => g.Key, g => new List<StackedMember>());
        foreach (var (key, group) in _groups)
        {
            foreach (var member in group.Members)
            {
                if (!Leaves(member))
                {
                    (member.Run.Control.TryTakeTurn() ? wanted[key] : _paused).Add(member);
                }
            }
        }
        var joined = new List<StackedMember>();
        while (_joining.TryDequeue(out var member))
        {
            if (!Leaves(member))
            {
                _all.Add(member);
                joined.Add(member);
            }
        }
        PublishInitialFrames(joined);
        _paused.AddRange(joined);
        foreach (var member in _paused)
        {
            edited.UnionWith(member.Run.Control.TakeEdits().Where(e => member.SetWeight(e)).Select(_ => member));
        }
        // A paused run shows its edited weights now; a running one with its next frame.
        PublishInitialFrames([.. _paused.Where(edited.Contains)]);
        foreach (var member in _paused.ToList())
        {
            if (Leaves(member))
            {
                _paused.Remove(member);
                _all.Remove(member);
            }
            else if (member.Run.Control.TryTakeTurn())
            {
                _paused.Remove(member);
                if (!wanted.TryGetValue(member.Key, out var list))
                {
                    wanted[member.Key] = list = [];
                }
                list.Add(member);
            }
        }
        foreach (var (key, members) in wanted)
        {
            if (!_groups.TryGetValue(key, out var group))
            {
                _groups[key] = group = new StackedGroup(key, device);
            }
            var leaving = group.Members.Where(m => m.IsEnded).ToList();
            if (!members.SequenceEqual(group.Members))
            {
                group.Restack(members);
            }
            foreach (var member in leaving)
            {
                member.Dispose();
                _all.Remove(member);
            }
            if (members.Count == 0)
            {
                group.Dispose();
                _groups.Remove(key);
            }
        }
    }

    /// <summary>Weight edits of the runs in a stack, written into the stack; returns the runs that changed.</summary>
    private HashSet<StackedMember> ApplyEditsInStacks()
    {
        var edited = new HashSet<StackedMember>();
        foreach (var group in _groups.Values)
        {
            for (var k = 0; k < group.Members.Count; k++)
            {
                var member = group.Members[k];
                if (member.Run.Control.TakeEdits().Where(e => group.SetWeight(k, e)).ToList().Count > 0)
                {
                    edited.Add(member);
                }
            }
        }
        return edited;
    }

    /// <summary>Whether a run is over (ended by the engine, or cancelled: then it is ended here if its thread has not yet).</summary>
    private static bool Leaves(StackedMember member)
    {
        if (!member.IsEnded && member.Run.Cancellation.IsCancellationRequested)
        {
            var (status, message) = member.Run.StoppedOutcome;
            member.End(status, message);
        }
        if (member.IsEnded && member.State is not null)
        {
            // Out of any stack already (paused or joining): nothing else holds its tensors.
            member.Dispose();
        }
        return member.IsEnded;
    }

    /// <summary>The epoch-0 frame the executor publishes before its first epoch, for runs that just arrived (and a paused run's frame after a weight edit).</summary>
    private void PublishInitialFrames(List<StackedMember> joined)
    {
        foreach (var byKey in joined.GroupBy(m => m.Key))
        {
            using var group = new StackedGroup(byKey.Key, device);
            group.Restack([.. byKey]);
            var frames = group.Frames([.. Enumerable.Range(0, group.Members.Count)]);
            for (var i = 0; i < frames.Count; i++)
            {
                PublishFrame(group.Members[i], frames[i]);
            }
            group.Unstack();
        }
    }

    /// <summary>
    /// The run's own frame interval, stretched by <see cref="FrameSpacingPerRunMs"/> for every other run the engine
    /// trains: a frame (boundary and neuron maps, about 55 KB of JSON) costs far more than a tiny network's epoch, so a
    /// full room gets fewer frames per run instead of longer gaps between epochs for everyone (issue 9, item 8). A run
    /// alone delays nobody and keeps the interval it asked for.
    /// </summary>
    private int FrameIntervalMs(TrainingSpec settings) => Math.Max(settings.FrameIntervalMs, FrameSpacingPerRunMs * (_all.Count - 1));

    private void TrainGroup(StackedGroup group)
    {
        var epochClock = Stopwatch.StartNew();
        if (!group.TrainEpoch(() => _stopping))
        {
            return;
        }
        var (trainLoss, testLoss, trainAccuracy, testAccuracy) = group.Measure();
        var members = group.Members;
        var outcomes = new (bool Diverged, bool Last, bool EarlyStop, bool Frame)[members.Count];
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            var settings = member.Run.Definition.RequiredTraining;
            var epoch = ++member.Epoch;
            double watched = testLoss[k];
            var diverged = !double.IsFinite(trainLoss[k]) || !double.IsFinite(watched);
            var last = epoch == settings.Epochs;
            var earlyStop = false;
            if (!diverged)
            {
                if (watched < member.BestLoss)
                {
                    (member.BestLoss, member.BestEpoch) = (watched, epoch);
                    if (settings.EarlyStopping)
                    {
                        member.KeepBest(group.CopyParameters(k));
                    }
                }
                else if (settings.EarlyStopping && epoch - member.BestEpoch >= settings.Patience)
                {
                    // As the single-run executor (Keras' restore_best_weights): the stopped run hands back its best
                    // epoch's network, so its last frame and final evaluation are that network's.
                    earlyStop = true;
                    group.SetParameters(k, member.BestWeights!);
                }
            }
            var metrics = new EpochMetrics(epoch, trainLoss[k], testLoss[k], trainAccuracy?[k], testAccuracy?[k], RestoredEpoch: earlyStop ? member.BestEpoch : null);
            member.Run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));
            if (options.IsCheckpointEpoch(epoch) && !last && !diverged)
            {
                // A lean frame is the member's weights and biases in the single-run layout, without evaluating a grid.
                var snapshot = group.Frames([k], grids: false)[0];
                var saved = new ModelCheckpoint(epoch, snapshot.Weights!, snapshot.Biases!);
                member.Run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Checkpoint, ExperimentStatus.Running, Checkpoint: saved));
            }
            // As the executor: send the frame now if waiting another epoch would make the gap longer than asked for.
            var due = member.FrameClock.ElapsedMilliseconds + epochClock.ElapsedMilliseconds >= FrameIntervalMs(settings);
            outcomes[k] = (diverged, last, earlyStop, diverged || last || earlyStop || due);
        }
        var framed = Enumerable.Range(0, members.Count).Where(k => outcomes[k].Frame && !members[k].IsEnded).ToList();
        // Browser-drawn runs get lean frames while they train (the browser evaluates the network); their last frame
        // carries the grids for the stored page and for watchers that do not draw.
        var lean = framed.Where(k => members[k].Run.Definition.RequiredTraining.BrowserDrawn
            && !(outcomes[k].Diverged || outcomes[k].Last || outcomes[k].EarlyStop)).ToList();
        PublishFrames(group, [.. framed.Except(lean)], grids: true);
        PublishFrames(group, lean, grids: false);
        for (var k = 0; k < members.Count; k++)
        {
            var member = members[k];
            var (diverged, last, earlyStop, _) = outcomes[k];
            if (member.IsEnded)
            {
                continue;
            }
            if (diverged)
            {
                member.End(ExperimentStatus.Diverged,
                    $"Training diverged at epoch {member.Epoch} (loss = {trainLoss[k]}): try a smaller learning rate.");
                continue;
            }
            PublishEvaluation(group, k, isFinal: last || earlyStop);
            if (last)
            {
                member.End(ExperimentStatus.Finished, null);
            }
            else if (earlyStop)
            {
                var patience = member.Run.Definition.RequiredTraining.Patience;
                member.End(ExperimentStatus.Finished,
                    $"Early stopping after epoch {member.Epoch}: no improvement for {patience} epochs; restored the weights of epoch {member.BestEpoch} (best loss {member.BestLoss:G4}).");
            }
        }
    }

    /// <summary>ROC and confusion matrix on the test set as the executor sends them: final at the end, live when its clock says.</summary>
    private static void PublishEvaluation(StackedGroup group, int index, bool isFinal)
    {
        var member = group.Members[index];
        if (member.Key.Problem != ProblemKind.Classification || member.TestLabels is null || (!isFinal && !member.EvaluationClock.IsDue))
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var scores = group.TestScores(index);
        var frame = EvaluationFrames.Build(scores, member.TestLabels, null, member.ClassNames, member.Epoch, "test", isFinal);
        member.Run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Evaluation, ExperimentStatus.Running, Evaluation: frame));
        if (!isFinal)
        {
            member.EvaluationClock.Done(Stopwatch.GetElapsedTime(started));
        }
    }

    private static void PublishFrames(StackedGroup group, List<int> indices, bool grids)
    {
        if (indices.Count == 0)
        {
            return;
        }
        var frames = group.Frames(indices, grids);
        for (var j = 0; j < indices.Count; j++)
        {
            PublishFrame(group.Members[indices[j]], frames[j]);
        }
    }

    private static void PublishFrame(StackedMember member, BoundaryFrame frame)
    {
        member.Run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Boundary, ExperimentStatus.Running, Boundary: frame));
        member.FrameClock.Restart();
    }

    private void EndAll(ExperimentStatus status, string message)
    {
        var members = _all.ToList();
        _all.Clear();
        while (_joining.TryDequeue(out var joining))
        {
            members.Add(joining);
        }
        foreach (var group in _groups.Values)
        {
            group.Dispose();
        }
        _groups.Clear();
        _paused.Clear();
        foreach (var member in members)
        {
            member.End(status, message);
            member.Dispose();
        }
    }
}
