using System.Diagnostics;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Tests.Support;

/// <summary>Every event a run publishes, with the time it was published, collected from the trainer's thread.</summary>
internal sealed class RunLog
{
    private readonly Lock _gate = new();
    private readonly List<(TrainingEvent Event, TimeSpan At)> _events = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource<TrainingEvent> _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunLog(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Events.Published += e =>
        {
            lock (_gate)
            {
                _events.Add((e, _clock.Elapsed));
            }
            if (e.IsTerminal)
            {
                _terminal.TrySetResult(e);
            }
        };
    }

    public IReadOnlyList<TrainingEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.Select(e => e.Event)];
            }
        }
    }

    /// <summary>Every event with the time this log received it.</summary>
    public IReadOnlyList<(TrainingEvent Event, TimeSpan At)> Timed
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<EpochMetrics> Epochs => [.. Events.Where(e => e.Kind == TrainingEventKind.Epoch).Select(e => e.Metrics!)];

    /// <summary>The run's final status event; completes when the run ends.</summary>
    public Task<TrainingEvent> Terminal => _terminal.Task;

    /// <summary>The last event, which must be the terminal one.</summary>
    public TrainingEvent Last => Events[^1];

    /// <summary>Time since the log started at which the first event matching <paramref name="match"/> was published.</summary>
    public TimeSpan TimeOf(Func<TrainingEvent, bool> match)
    {
        lock (_gate)
        {
            return _events.First(e => match(e.Event)).At;
        }
    }

    public TimeSpan Now => _clock.Elapsed;
}
