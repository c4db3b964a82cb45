using System.Diagnostics;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Tuning;

/// <summary>A study's events: each finished trial, and its progress with an ETA at most every <see cref="ProgressIntervalMs"/>.</summary>
internal sealed class StudyPublisher(ExperimentRun run, int trialsTotal, int epochs)
{
    public const int ProgressIntervalMs = 500;

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<TrialRecord> _trials = [];
    private long _lastProgress = -ProgressIntervalMs;
    private int _resumed;

    public IReadOnlyList<TrialRecord> Trials
    {
        get
        {
            lock (_gate)
            {
                return [.. _trials];
            }
        }
    }

    /// <summary>A trial of the study this one resumes: published again, not counted in this run's ETA.</summary>
    public void Resumed(TrialRecord trial)
    {
        Trial(trial);
        lock (_gate)
        {
            _resumed++;
        }
    }

    /// <summary>A trial this run stored before a server restart: already in its stream, counted but not published again.</summary>
    public void Kept(TrialRecord trial)
    {
        lock (_gate)
        {
            _trials.Add(trial);
            _resumed++;
        }
    }

    public void Trial(TrialRecord trial)
    {
        lock (_gate)
        {
            _trials.Add(trial);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Study, ExperimentStatus.Running, Study: new StudyUpdate(Trial: trial)));
        }
    }

    /// <summary>Publishes the study's progress (at most every <see cref="ProgressIntervalMs"/>) with an ETA from the work done so far.</summary>
    public void Progress(RunningTrials running)
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastProgress < ProgressIntervalMs)
            {
                return;
            }
            _lastProgress = now;
            var done = _trials.Count;
            var eta = Eta(now / 1000.0, done - _resumed, running.EpochsTrained);
            var progress = new StudyProgress(done, trialsTotal, running.Count, running.Epoch, epochs, now / 1000.0, eta);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Study, ExperimentStatus.Running, Study: new StudyUpdate(Progress: progress)));
        }
    }

    /// <summary>
    /// Seconds left if the rest goes at this run's pace so far. Work is counted in trial-epochs: a finished trial counts
    /// whole (a pruned one too: its budget is spent), a training one by the epochs it trained; resumed trials cost
    /// this run nothing.
    /// </summary>
    private double? Eta(double elapsedSeconds, int finishedHere, int runningEpochs)
    {
        var toDo = (double)(trialsTotal - _resumed) * epochs;
        var doneWork = (double)finishedHere * epochs + runningEpochs;
        return doneWork > 0 && toDo > doneWork ? elapsedSeconds * (toDo - doneWork) / doneWork : null;
    }
}
