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
    private int _waveSize;
    private int _waveDone;

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
            _waveDone++;
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Study, ExperimentStatus.Running, Study: new StudyUpdate(Trial: trial)));
        }
    }

    public void WaveStarted(int size)
    {
        lock (_gate)
        {
            (_waveSize, _waveDone) = (size, 0);
        }
    }

    public void Progress(int epoch, int training)
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
            // Work in trial-epochs: finished trials count whole, the wave's running ones by their epoch.
            var toDo = (double)(trialsTotal - _resumed) * epochs;
            var doneWork = (double)(done - _resumed - _waveDone) * epochs + _waveDone * epochs + training * (double)epoch;
            double? eta = doneWork > 0 && toDo > doneWork ? now / 1000.0 * (toDo - doneWork) / doneWork : null;
            var progress = new StudyProgress(done, trialsTotal, training, epoch, epochs, now / 1000.0, eta);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Study, ExperimentStatus.Running, Study: new StudyUpdate(Progress: progress)));
        }
    }
}
