using System.Runtime.CompilerServices;
using MlIntro.Core.Experiments;

namespace MlIntro.Training.Runs;

/// <summary>
/// Fans one run's events out to any number of watchers. A new watcher first gets the history (kept events and the
/// latest frame of each kind), then follows live, with no gap and no duplicate between the two.
/// </summary>
public sealed class RunBroadcaster
{
    private readonly Lock _gate = new();
    private readonly List<TrainingEvent> _history = [];
    private readonly Dictionary<TrainingEventKind, TrainingEvent> _latestFrames = [];
    private readonly List<RunSubscriber> _subscribers = [];
    private long _sequence;

    public bool IsCompleted { get; private set; }

    public ExperimentStatus Status { get; private set; } = ExperimentStatus.Queued;

    /// <summary>Wall time, events per second and CPU share, attached to every epoch event and study progress.</summary>
    public RunMeter Meter { get; } = new();

    /// <summary>What a run resumed in place had stored before it stopped (<see cref="Restore"/>); empty otherwise.</summary>
    public IReadOnlyList<TrainingEvent> Restored { get; private set; } = [];

    /// <summary>Raised after each event, outside the lock (the recorder listens here).</summary>
    public event Action<TrainingEvent>? Published;

    /// <summary>Numbers and sends an event; ignored once the run has ended.</summary>
    public TrainingEvent? Publish(Func<long, TrainingEvent> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        TrainingEvent e;
        lock (_gate)
        {
            if (IsCompleted)
            {
                return null;
            }
            e = Measured(create(++_sequence));
            if (e.Kind == TrainingEventKind.Checkpoint)
            {
                // For the store (the recorder listens to Published), not for watchers: nobody draws a checkpoint.
            }
            else if (e.IsFrame)
            {
                _latestFrames[e.Kind] = e;
            }
            else if (HistoryPolicy.Keep(e))
            {
                _history.Add(e);
            }
            if (e.Kind == TrainingEventKind.Status)
            {
                Status = e.Status;
                IsCompleted = e.IsTerminal;
            }
            foreach (var subscriber in e.Kind == TrainingEventKind.Checkpoint ? [] : _subscribers)
            {
                subscriber.Post(e);
            }
        }
        Published?.Invoke(e);
        return e;
    }

    /// <summary>
    /// Before anything is published: takes in a stopped run's stored events (none terminal), so that watchers replay
    /// them first and new events number on after them, as if the run had never stopped.
    /// </summary>
    public void Restore(IReadOnlyList<TrainingEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            if (_sequence != 0)
            {
                throw new InvalidOperationException("A run's stored events are restored before it publishes anything.");
            }
            foreach (var e in stored.Where(e => !e.IsTerminal).OrderBy(e => e.Sequence))
            {
                _sequence = Math.Max(_sequence, e.Sequence);
                if (e.Kind == TrainingEventKind.Checkpoint)
                {
                    continue;
                }
                if (e.IsFrame)
                {
                    _latestFrames[e.Kind] = e;
                }
                else
                {
                    _history.Add(e);
                }
                _sequence = Math.Max(_sequence, e.Sequence);
            }
            Restored = [.. _history];
        }
    }

    private TrainingEvent Measured(TrainingEvent e)
    {
        if (e is { Kind: TrainingEventKind.Status, Status: ExperimentStatus.Running })
        {
            Meter.Start();
        }
        else if (e is { Kind: TrainingEventKind.Epoch, Metrics: not null } or { Kind: TrainingEventKind.Study, Study.Progress: not null })
        {
            return e with { Usage = Meter.Sample(epochTrained: e.Kind == TrainingEventKind.Epoch) };
        }
        return e;
    }

    public TrainingEvent? PublishStatus(ExperimentStatus status, string? message = null) =>
        Publish(seq => new TrainingEvent(seq, TrainingEventKind.Status, status, Message: message));

    /// <summary>Replays what happened so far, then follows live until the run ends or the watcher leaves.</summary>
    public async IAsyncEnumerable<TrainingEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<TrainingEvent> replay;
        RunSubscriber? live = null;
        lock (_gate)
        {
            replay = [.. _history, .. _latestFrames.Values];
            if (!IsCompleted)
            {
                live = new RunSubscriber();
                _subscribers.Add(live);
            }
        }
        try
        {
            replay.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            foreach (var e in replay)
            {
                yield return e;
            }
            if (live is null)
            {
                yield break;
            }
            await foreach (var e in live.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            if (live is not null)
            {
                lock (_gate)
                {
                    _subscribers.Remove(live);
                }
            }
        }
    }

    /// <summary>The latest frame of each kind, for the recorder to store when a run ends.</summary>
    public IReadOnlyList<TrainingEvent> LatestFrames()
    {
        lock (_gate)
        {
            return [.. _latestFrames.Values.OrderBy(e => e.Sequence)];
        }
    }
}
