using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Experiments;

namespace MlIntro.Training.Runs;

/// <summary>
/// Writes runs to the store as they go, on one background writer: the trainer only drops events into a channel and
/// never waits for the database. When a run ends, its latest frames (final boundary, ROC) are stored before its end.
/// A run whose events cannot be stored (disk full or read-only) ends as failed with a message, rather than training on
/// while its link silently loses its results; the writer itself goes on and serves later runs once the disk is back.
/// </summary>
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
    private readonly IExperimentStore _store;
    private readonly ILogger<RunRecorder> _logger;
    private readonly Task _writer;

    public RunRecorder(IExperimentStore store, ILogger<RunRecorder> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
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
        while (await _pending.Reader.WaitToReadAsync())
        {
            try
            {
                await Task.Delay(Gather, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // shutting down: write what is pending now
            }
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            foreach (var group in batch.GroupBy(b => b.Id))
            {
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
}
