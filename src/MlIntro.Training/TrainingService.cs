using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;

namespace MlIntro.Training;

/// <summary>
/// The one door to training, shared by pages (in-process) and the public hub: validates, stores, queues, streams,
/// cancels. Policy lives here so both doors behave the same.
/// </summary>
public sealed class TrainingService(
    ExperimentValidator validator,
    IExperimentStore store,
    DeviceScheduler scheduler,
    RunRecorder recorder,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<TrainingService> logger)
{
    private readonly ConcurrentDictionary<string, ExperimentRun> _runs = new();
    private readonly ConcurrentQueue<string> _finished = new();

    /// <summary>Validates and queues a run; returns its id at once. Throws <see cref="InvalidExperimentException"/> or <see cref="TrainingRejectedException"/>.</summary>
    public Task<string> StartAsync(ExperimentDefinition? definition, string ownerId, CancellationToken cancellationToken) =>
        StartAsync(definition, ownerId, paused: false, cancellationToken);

    /// <param name="paused">Held before its first epoch until resumed or stepped: pausing after the start would race a
    /// tiny network, which can train an epoch before the call returns.</param>
    public async Task<string> StartAsync(ExperimentDefinition? definition, string ownerId, bool paused, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        try
        {
            validator.ValidateOrThrow(definition);
        }
        catch (InvalidExperimentException ex)
        {
            // A refused definition is the client's mistake, not a failure of the server: Information, not Error.
            logger.LogInformation("Start refused for {OwnerId}: {Reason}", ownerId, ex.Message);
            throw;
        }
        var run = new ExperimentRun(ExperimentIds.New(), definition, ownerId);
        if (paused)
        {
            run.Control.Pause();
        }
        await store.CreateAsync(run.Id, definition, ownerId, time.GetUtcNow(), cancellationToken);
        recorder.Attach(run);
        run.Events.Published += e =>
        {
            if (e.IsTerminal)
            {
                Retire(run);
            }
        };
        _runs[run.Id] = run;
        try
        {
            scheduler.Enqueue(run);
        }
        catch (TrainingRejectedException ex)
        {
            logger.LogInformation("Start of run {RunId} refused for {OwnerId}: {Reason}", run.Id, ownerId, ex.Message);
            run.Events.PublishStatus(ExperimentStatus.Failed, ex.Message);
            throw;
        }
        return run.Id;
    }

    /// <summary>Everything that happened so far, then live events until the run ends; a stored run replays from the store.</summary>
    public async IAsyncEnumerable<TrainingEvent> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(id, out var run))
        {
            await foreach (var e in run.Events.WatchAsync(cancellationToken))
            {
                yield return e;
            }
            yield break;
        }
        var stored = await store.FindAsync(id, cancellationToken) ?? throw new ExperimentNotFoundException(id);
        var events = await store.EventsAsync(id, cancellationToken);
        foreach (var e in events)
        {
            yield return e;
        }
        if (events.Count == 0 || !events[^1].IsTerminal)
        {
            // Runs a previous process never finished are marked failed at start-up; say so in the stream too.
            var status = stored.Status.IsTerminal() ? stored.Status : ExperimentStatus.Failed;
            var last = events.Count == 0 ? 0 : events[^1].Sequence;
            yield return new TrainingEvent(last + 1, TrainingEventKind.Status, status, Message: stored.Message ?? "This run did not finish.");
        }
    }

    public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    /// <summary>Status of a run live in this process, or null.</summary>
    public ExperimentStatus? LiveStatus(string id) => _runs.TryGetValue(id, out var run) ? run.Events.Status : null;

    /// <summary>Stops a run; only the connection that started it may. False when the run is unknown or already over.</summary>
    public bool Cancel(string id, string ownerId) => Control(id, ownerId, run =>
    {
        if (scheduler.TryDequeue(run))
        {
            run.Events.PublishStatus(ExperimentStatus.Cancelled, "Cancelled before it started.");
        }
        else
        {
            run.Cancel();
        }
    });

    public bool Pause(string id, string ownerId) => Control(id, ownerId, run => run.Control.Pause());

    public bool Resume(string id, string ownerId) => Control(id, ownerId, run => run.Control.Resume());

    public bool Step(string id, string ownerId) => Control(id, ownerId, run => run.Control.Step());

    /// <summary>Cancels every unfinished run of an owner (a lesson page closed). Hub clients' runs outlive the connection: a notebook may start a run and read it later at /e/{id}.</summary>
    public void CancelAllOf(string ownerId)
    {
        foreach (var run in _runs.Values.Where(r => r.OwnerId == ownerId && !r.Events.IsCompleted))
        {
            Cancel(run.Id, ownerId);
        }
    }

    /// <summary>Pauses an owner's running runs (its page lost its connection); returns their ids to resume later.</summary>
    public IReadOnlyList<string> PauseAllOf(string ownerId)
    {
        var paused = new List<string>();
        foreach (var run in _runs.Values.Where(r => r.OwnerId == ownerId && !r.Events.IsCompleted && !r.Control.IsPaused))
        {
            run.Control.Pause();
            paused.Add(run.Id);
        }
        return paused;
    }

    /// <summary>
    /// The server is stopping: ends every live run as <see cref="ExperimentStatus.Interrupted"/> (queued ones at once,
    /// training ones at their next step) and waits until each has published its end, by which time its own thread has
    /// freed its tensors. Runs that start meanwhile are interrupted too. False when some did not end within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> InterruptAllAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var live = _runs.Values.Where(r => !r.Events.IsCompleted).ToList();
            if (live.Count == 0)
            {
                return true;
            }
            foreach (var run in live)
            {
                if (scheduler.TryDequeue(run))
                {
                    run.Events.PublishStatus(ExperimentStatus.Interrupted, ExperimentRun.InterruptedMessage);
                }
                else
                {
                    run.Interrupt();
                }
            }
            if (clock.Elapsed >= timeout)
            {
                logger.LogWarning("{Count} runs did not end within {Timeout} of the server stop", live.Count, timeout);
                return false;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private bool Control(string id, string ownerId, Action<ExperimentRun> action)
    {
        if (!_runs.TryGetValue(id, out var run) || run.Events.IsCompleted)
        {
            return false;
        }
        if (run.OwnerId != ownerId)
        {
            throw new UnauthorizedAccessException("Only the session that started a run can control it; fork it to run your own copy.");
        }
        action(run);
        return true;
    }

    /// <summary>Keeps the last few finished runs in memory for fast replay; older ones are served from the store.</summary>
    private void Retire(ExperimentRun run)
    {
        _finished.Enqueue(run.Id);
        while (_finished.Count > options.Value.FinishedRunsKeptInMemory && _finished.TryDequeue(out var oldest))
        {
            if (_runs.TryRemove(oldest, out var old))
            {
                old.Dispose();
            }
        }
    }
}
