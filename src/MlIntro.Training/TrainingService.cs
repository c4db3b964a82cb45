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
/// cancels. Policy lives here so both doors behave the same: a Start is admitted (quotas, busy) before it is stored, so
/// a refused one leaves nothing behind, and runs end when their owner has been gone too long or their budget is spent.
/// </summary>
public sealed class TrainingService(
    ExperimentValidator validator,
    IExperimentStore store,
    DeviceScheduler scheduler,
    RunRecorder recorder,
    OwnerPresence presence,
    IInterruptedRuns interruptedRuns,
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
    public Task<string> StartAsync(ExperimentDefinition? definition, string ownerId, bool paused, CancellationToken cancellationToken) =>
        StartAsync(definition, new RunOwner(ownerId), paused, cancellationToken);

    /// <inheritdoc cref="StartAsync(ExperimentDefinition?, string, bool, CancellationToken)"/>
    public Task<string> StartAsync(ExperimentDefinition? definition, RunOwner owner, bool paused, CancellationToken cancellationToken) =>
        StartAsync(ExperimentIds.New(), definition, owner, paused, cancellationToken);

    /// <summary>Starts a run under an id chosen by the caller: a cluster's front end names the run grain before a worker trains it.</summary>
    /// <inheritdoc cref="StartAsync(ExperimentDefinition?, string, bool, CancellationToken)"/>
    public async Task<string> StartAsync(string id, ExperimentDefinition? definition, RunOwner owner, bool paused, CancellationToken cancellationToken)
    {
        if (!ExperimentIds.LooksValid(id))
        {
            throw new ArgumentException("A run id is 22 URL-safe base64 characters (ExperimentIds.New).", nameof(id));
        }
        ArgumentNullException.ThrowIfNull(owner);
        var ownerId = owner.Id;
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
        var run = new ExperimentRun(id, definition, ownerId, owner.Address) { CreatedAt = time.GetUtcNow() };
        if (paused)
        {
            run.Control.Pause();
        }
        try
        {
            scheduler.Admit(run);
        }
        catch (TrainingRejectedException ex)
        {
            // Refused before anything is stored: a flood of refused Starts must not fill the disk.
            logger.LogInformation("Start refused for {OwnerId}: {Reason}", ownerId, ex.Message);
            run.Dispose();
            throw;
        }
        try
        {
            await CreateOrRefuseAsync(run, ownerId, cancellationToken);
        }
        catch
        {
            scheduler.Withdraw(run);
            run.Dispose();
            throw;
        }
        Launch(run);
        return run.Id;
    }

    /// <summary>
    /// Trains a run a server stop interrupted on under its own id (<c>/e/{id}</c> goes on): admitted like a Start (its
    /// owner's quotas; its lifetime counts from now), reopened in the store by <paramref name="reopen"/>, which returns
    /// the events it keeps; watchers replay those first. False when the store no longer has it as interrupted. Throws
    /// <see cref="TrainingRejectedException"/> when the server cannot take it now; the run then stays interrupted.
    /// </summary>
    public async Task<bool> ResumeAsync(
        InterruptedRun interrupted, Func<CancellationToken, Task<IReadOnlyList<TrainingEvent>?>> reopen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interrupted);
        ArgumentNullException.ThrowIfNull(reopen);
        validator.ValidateOrThrow(interrupted.Definition);
        var run = new ExperimentRun(interrupted.Id, interrupted.Definition, interrupted.OwnerId) { CreatedAt = time.GetUtcNow() };
        scheduler.Admit(run);
        IReadOnlyList<TrainingEvent>? kept;
        try
        {
            kept = await reopen(cancellationToken);
        }
        catch
        {
            scheduler.Withdraw(run);
            run.Dispose();
            throw;
        }
        if (kept is null)
        {
            scheduler.Withdraw(run);
            run.Dispose();
            return false;
        }
        // Network runs go on from their last checkpoint; the store kept nothing after it (IInterruptedRuns.ReopenAsync).
        run.ResumeFrom = kept.LastOrDefault(e => e.Kind == TrainingEventKind.Checkpoint)?.Checkpoint;
        run.Events.Restore(kept);
        Launch(run);
        logger.LogInformation("Run {RunId} resumed after a server restart with {Count} stored events", run.Id, kept.Count);
        return true;
    }

    /// <summary>Records, registers and queues an admitted, stored run.</summary>
    private void Launch(ExperimentRun run)
    {
        recorder.Attach(run);
        run.Events.Published += e =>
        {
            if (e.IsTerminal)
            {
                Retire(run);
            }
        };
        _runs[run.Id] = run;
        scheduler.Enqueue(run); // admitted above: takes its place, never refuses
    }

    /// <summary>Stores a new run; a disk that cannot be written refuses the Start like a full queue, in words for the user.</summary>
    private async Task CreateOrRefuseAsync(ExperimentRun run, string ownerId, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.CreateAsync(run.Id, run.Definition, ownerId, run.CreatedAt, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            // The server's problem, not the client's: a warning for the operator, without a stack trace per Start.
            logger.LogWarning("Start of run {RunId} refused for {OwnerId}: {Reason}", run.Id, ownerId, ex.Message);
            throw new TrainingRejectedException(ex.Message, ex);
        }
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
        foreach (var e in events.Where(e => e.Kind != TrainingEventKind.Checkpoint))
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

    /// <summary>
    /// Trains on a run that ended interrupted (its worker died, or the server stopped), here and under its own id, from
    /// its last checkpoint; only its owner may. False when it is not interrupted (any more). Throws
    /// <see cref="TrainingRejectedException"/> when this server cannot take it now.
    /// </summary>
    public async Task<bool> ContinueAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        if (await interruptedRuns.FindAsync(id, cancellationToken) is not { } interrupted)
        {
            return false;
        }
        if (interrupted.OwnerId != ownerId)
        {
            throw new UnauthorizedAccessException("Only the session that started a run can resume it; fork it to run your own copy.");
        }
        return await ResumeAsync(interrupted, token => interruptedRuns.ReopenAsync(id, token), cancellationToken);
    }

    /// <summary>Status of a run live in this process, or null.</summary>
    public ExperimentStatus? LiveStatus(string id) => _runs.TryGetValue(id, out var run) ? run.Events.Status : null;

    /// <summary>Stops a run; only its owner may. False when the run is unknown or already over.</summary>
    public bool Cancel(string id, string ownerId) => Control(id, ownerId, run => End(run, "Cancelled before it started.", null));

    public bool Pause(string id, string ownerId) => Control(id, ownerId, run => run.Control.Pause());

    public bool Resume(string id, string ownerId) => Control(id, ownerId, run => run.Control.Resume());

    public bool Step(string id, string ownerId) => Control(id, ownerId, run => run.Control.Step());

    /// <summary>
    /// Sets one weight of the owner's live run; training continues from it at the next epoch (a paused run sends a new
    /// frame at once). False when the run is unknown or over, or the value is not finite or beyond
    /// <see cref="WeightEdit.MaxMagnitude"/>; indices outside the network are ignored by the trainer.
    /// </summary>
    public bool SetWeight(string id, string ownerId, WeightEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return edit.IsValid && Control(id, ownerId, run => run.Control.Edit(edit));
    }

    /// <summary>Cancels every unfinished run of an owner (a lesson page closed). Hub clients' runs outlive the connection: a notebook may start a run and read it later at /e/{id}.</summary>
    public void CancelAllOf(string ownerId)
    {
        foreach (var run in _runs.Values.Where(r => r.OwnerId == ownerId && !r.Events.IsCompleted))
        {
            Cancel(run.Id, ownerId);
        }
    }

    /// <summary>Pauses those of <paramref name="ids"/> that are the owner's and still playing (a page lost its connection;
    /// the owner's other tabs keep training); returns their ids to resume later.</summary>
    public IReadOnlyList<string> PauseAllOf(string ownerId, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var paused = new List<string>();
        foreach (var id in ids)
        {
            if (_runs.TryGetValue(id, out var run) && run.OwnerId == ownerId && !run.Events.IsCompleted && !run.Control.IsPaused)
            {
                run.Control.Pause();
                paused.Add(run.Id);
            }
        }
        return paused;
    }

    /// <summary>
    /// Ends every run past its lifetime (<see cref="RunLifetime.ExpiryReason"/>) as Cancelled, saying why; returns their
    /// ids. Called periodically by the host.
    /// </summary>
    public IReadOnlyList<string> StopExpired()
    {
        var now = time.GetUtcNow();
        var stopped = new List<string>();
        var owners = new HashSet<string>();
        foreach (var run in _runs.Values.Where(r => !r.Events.IsCompleted))
        {
            if (RunLifetime.ExpiryReason(run, presence.AbsentSince(run.OwnerId), now, options.Value) is { } reason)
            {
                logger.LogInformation("Run {RunId} of {OwnerId} stopped: {Reason}", run.Id, run.OwnerId, reason);
                End(run, reason, reason);
                stopped.Add(run.Id);
            }
            else
            {
                owners.Add(run.OwnerId);
            }
        }
        presence.ForgetAllBut(owners);
        return stopped;
    }

    /// <summary>Takes a queued run out of the queue, or cancels a training one.</summary>
    /// <param name="reason">Published as the run's end before its trainer stops (the first terminal status wins), or
    /// null to let the trainer report its own "Cancelled.".</param>
    private void End(ExperimentRun run, string queuedMessage, string? reason)
    {
        if (scheduler.TryDequeue(run))
        {
            run.Events.PublishStatus(ExperimentStatus.Cancelled, reason ?? queuedMessage);
            return;
        }
        if (reason is not null)
        {
            run.Events.PublishStatus(ExperimentStatus.Cancelled, reason);
        }
        run.Cancel();
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
