using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;

namespace MlIntro.Training.Runs;

/// <summary>
/// The one writer of the store: creates runs and writes their events as they go, on one background loop. The trainer
/// only drops events into a channel and never waits for the database. When a run ends, its latest frames (final
/// boundary, ROC) are stored before its end. A run whose events cannot be stored (disk full or read-only) ends as
/// failed with a message, rather than training on while its link silently loses its results; the writer itself goes
/// on and serves later runs once the disk is back.
/// </summary>
/// <remarks>
/// One writer because SQLite takes one writer at a time and Microsoft.Data.Sqlite's async calls run synchronously:
/// 30 Starts each inserting on their own while the recorder held the write lock meant 30 pool threads blocked in busy
/// retries, and Start took seconds to answer under load (issue 9, item 8; docs/BENCHMARKS.md, "Load").
/// </remarks>
public sealed class RunRecorder : IAsyncDisposable
{
    private const int MaxBatch = 2_000;

    /// <summary>The status message of a run stopped because its events could not be stored.</summary>
    public const string StorageFailedMessage = "Stopped: the server could not store this run's results (storage unavailable). Try again later.";

    /// <summary>
    /// Writes are gathered for this long: one transaction a second instead of one per epoch. Every write wakes EF Core
    /// and SQLite on a shared CPU, which measurably slowed training (0.73 → 0.92 of a bare loop, docs/BENCHMARKS.md).
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<(string Id, TrainingEvent Event)> _pending =
        Channel.CreateUnbounded<(string, TrainingEvent)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ExperimentRun> _live = new();
    private readonly Channel<PendingCreate> _creates =
        Channel.CreateUnbounded<PendingCreate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IExperimentStore _store;
    private readonly ILogger<RunRecorder> _logger;
    private readonly Task _writer;

    public RunRecorder(IExperimentStore store, ILogger<RunRecorder> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Stores a new run through the writer, ahead of any gathered events: the caller waits for its own insert and at
    /// most one run's batch of events, never for another insert's lock. Throws what the store throws.
    /// </summary>
    public Task CreateAsync(string id, ExperimentDefinition definition, string ownerId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var create = new PendingCreate(id, definition, ownerId, createdAt, cancellationToken);
        if (!_creates.Writer.TryWrite(create))
        {
            throw new ObjectDisposedException(nameof(RunRecorder), "The server is stopping; no new runs are stored.");
        }
        return create.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Starts recording a run's events.</summary>
    public void Attach(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _live[run.Id] = run;
        run.Events.Published += e =>
        {
            if (e.IsTerminal)
            {
                _live.TryRemove(run.Id, out _);
                foreach (var frame in run.Events.LatestFrames())
                {
                    _pending.Writer.TryWrite((run.Id, frame));
                }
            }
            if (!e.IsFrame && HistoryPolicy.Keep(e))
            {
                _pending.Writer.TryWrite((run.Id, e));
            }
        };
    }

    /// <summary>Stores everything still pending, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _creates.Writer.TryComplete();
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _writer;
    }

    /// <summary>Ends a live run whose events were lost: watchers see why, and its trainer stops at its next check.</summary>
    private void Fail(string id)
    {
        if (_live.TryGetValue(id, out var run))
        {
            run.Events.PublishStatus(ExperimentStatus.Failed, StorageFailedMessage);
            run.Cancel();
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(string Id, TrainingEvent Event)>(MaxBatch);
        while (await AnyPendingAsync())
        {
            await WriteCreatesAsync();
            if (!_pending.Reader.TryPeek(out _))
            {
                continue;
            }
            await GatherAsync();
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            foreach (var group in batch.GroupBy(b => b.Id))
            {
                await WriteCreatesAsync();
                try
                {
                    await _store.AppendAsync(group.Key, group.Select(g => g.Event).ToList(), CancellationToken.None);
                }
                catch (StorageUnavailableException ex)
                {
                    // The disk's fault, known and worded: no stack trace, one line per failed batch.
                    _logger.LogWarning("Could not store {Count} events of run {RunId}: {Reason}", group.Count(), group.Key, ex.Message);
                    Fail(group.Key);
                }
#pragma warning disable CA1031 // A failed write is logged and ends its run; other runs' writes go on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _logger.LogError(ex, "Could not store {Count} events of run {RunId}", group.Count(), group.Key);
                    Fail(group.Key);
                }
            }
        }
    }

    /// <summary>Waits until there is something to write; false once both channels are completed and empty.</summary>
    private async Task<bool> AnyPendingAsync()
    {
        while (true)
        {
            if (_creates.Reader.TryPeek(out _) || _pending.Reader.TryPeek(out _))
            {
                return true;
            }
            var createsOpen = !_creates.Reader.Completion.IsCompleted;
            var eventsOpen = !_pending.Reader.Completion.IsCompleted;
            if (!createsOpen && !eventsOpen)
            {
                return false;
            }
            var waits = new List<Task<bool>>(2);
            if (createsOpen)
            {
                waits.Add(_creates.Reader.WaitToReadAsync().AsTask());
            }
            if (eventsOpen)
            {
                waits.Add(_pending.Reader.WaitToReadAsync().AsTask());
            }
            await Task.WhenAny(waits);
        }
    }

    /// <summary>Lets events gather for <see cref="Gather"/>, writing any run created meanwhile at once.</summary>
    private async Task GatherAsync()
    {
        var until = DateTime.UtcNow + Gather;
        while (!_stopping.IsCancellationRequested && DateTime.UtcNow < until)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var delay = Task.Delay(until - DateTime.UtcNow, wait.Token);
            var created = _creates.Reader.WaitToReadAsync(wait.Token).AsTask();
            await Task.WhenAny(delay, created);
            await wait.CancelAsync();
            if (created.IsCompletedSuccessfully)
            {
                if (!created.Result)
                {
                    return; // stopping: write what is pending now
                }
                await WriteCreatesAsync();
            }
        }
    }

    private async Task WriteCreatesAsync()
    {
        while (_creates.Reader.TryRead(out var create))
        {
            if (create.Cancellation.IsCancellationRequested)
            {
                create.Done.TrySetCanceled(create.Cancellation);
                continue;
            }
            try
            {
                await _store.CreateAsync(create.Id, create.Definition, create.OwnerId, create.CreatedAt, create.Cancellation);
                create.Done.TrySetResult();
            }
#pragma warning disable CA1031 // The caller's Start gets the failure and reports it; the writer goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                create.Done.TrySetException(ex);
            }
        }
    }

    private sealed record PendingCreate(
        string Id, ExperimentDefinition Definition, string OwnerId, DateTimeOffset CreatedAt, CancellationToken Cancellation)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
