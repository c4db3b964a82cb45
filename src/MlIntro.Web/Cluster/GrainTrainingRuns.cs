using System.Runtime.CompilerServices;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Runs;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Cluster;

/// <summary>
/// A cluster front end's door to training: each run is a <see cref="IRunGrain"/> on a worker silo; the definition is
/// checked here first (the same validator the worker runs) so that a mistake is told without a network hop, and stored
/// runs are read from the shared store.
/// </summary>
public sealed partial class GrainTrainingRuns(
    IGrainFactory grains, ExperimentValidator validator, IExperimentStore store, ClusterOwnerQuota quota,
    Microsoft.Extensions.Options.IOptions<TrainingOptions> options, ILogger<GrainTrainingRuns> logger)
    : ITrainingRuns
{
    // A worker lost mid-watch: once the cluster declares it dead (seconds; see docs/SCALING.md), Orleans activates the
    // run's grain again on a live worker, which marks the run interrupted. Until then calls to it fail at once.
    private const int Reattempts = 90;
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(1);

    public async Task<string> StartAsync(ExperimentDefinition? definition, RunOwner owner, bool paused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        validator.ValidateOrThrow(definition);
        await quota.ThrowIfFullAsync(owner, async run => await Run(run).LiveStatusAsync() is { } status && !status.IsTerminal(), cancellationToken);
        var id = ExperimentIds.New();
        var answer = await PlacedFor(definition, () => Run(id).StartAsync(definition, owner, paused)).WaitAsync(cancellationToken);
        return answer.Refusal switch
        {
            RunRefusal.None => id,
            RunRefusal.Invalid => throw new InvalidExperimentException(answer.Message ?? "The experiment is not valid."),
            _ => throw new TrainingRejectedException(answer.Message ?? "The cluster cannot take this run now."),
        };
    }

    public async IAsyncEnumerable<TrainingEvent> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            throw new ExperimentNotFoundException(id);
        }
        var next = 0L;
        var ended = false;
        for (var attempt = 0; ; attempt++)
        {
            var events = Run(id).WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            var lost = false;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await events.MoveNextAsync())
                        {
                            // Every run's stream ends with its terminal status; one that stops short lost its worker.
                            if (ended || attempt >= Reattempts)
                            {
                                yield break;
                            }
                            LogWatchCutShort(logger, id, attempt + 1);
                            lost = true;
                            break;
                        }
                    }
                    catch (Exception ex) when (attempt < Reattempts && !cancellationToken.IsCancellationRequested && IsWorkerLoss(ex))
                    {
                        LogWatchLost(logger, ex, id, attempt + 1);
                        lost = true;
                        break;
                    }
                    // A renewed watch replays from the start: what this watcher already has is not sent twice. The end
                    // always is: a dead worker's last events may not have reached the store, and its end comes after
                    // the last stored one, so its number can be one this watcher already had.
                    if (events.Current.Sequence < next && !events.Current.IsTerminal)
                    {
                        continue;
                    }
                    next = events.Current.Sequence + 1;
                    ended = events.Current.IsTerminal;
                    yield return events.Current;
                }
            }
            finally
            {
                await DisposeQuietlyAsync(events);
            }
            if (lost)
            {
                await Task.Delay(Backoff, cancellationToken);
            }
        }
    }

    public Task<StoredExperiment?> FindAsync(string id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    public Task<ExperimentStatus?> LiveStatusAsync(string id, CancellationToken cancellationToken) =>
        Run(id).LiveStatusAsync().WaitAsync(cancellationToken);

    public Task<bool> CancelAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        ControlAsync(Run(id).CancelAsync(ownerId), cancellationToken);

    public Task<bool> PauseAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        ControlAsync(Run(id).PauseAsync(ownerId), cancellationToken);

    public Task<bool> ResumeAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        ControlAsync(Run(id).ResumeAsync(ownerId), cancellationToken);

    public Task<bool> StepAsync(string id, string ownerId, CancellationToken cancellationToken) =>
        ControlAsync(Run(id).StepAsync(ownerId), cancellationToken);

    public Task<bool> SetWeightAsync(string id, string ownerId, WeightEdit edit, CancellationToken cancellationToken) =>
        ControlAsync(Run(id).SetWeightAsync(ownerId, edit), cancellationToken);

    public async Task<bool> ContinueAsync(string id, string ownerId, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(id, cancellationToken);
        if (stored is not { Status: ExperimentStatus.Interrupted })
        {
            return false;
        }
        var answer = await PlacedFor(stored.Definition, () => Run(id).ContinueAsync(ownerId)).WaitAsync(cancellationToken);
        return answer.Refusal switch
        {
            RunRefusal.None => true,
            RunRefusal.NotInterrupted => false,
            RunRefusal.NotOwner => throw new UnauthorizedAccessException(answer.Message),
            RunRefusal.Invalid => throw new InvalidExperimentException(answer.Message ?? "The experiment is not valid."),
            _ => throw new TrainingRejectedException(answer.Message ?? "The cluster cannot take this run now."),
        };
    }

    public async Task<IReadOnlyList<string>> PauseAllOfAsync(string ownerId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var answers = await Task.WhenAll(ids.Select(id => Run(id).PauseIfPlayingAsync(ownerId))).WaitAsync(cancellationToken);
        return [.. ids.Where((_, i) => answers[i])];
    }

    private IRunGrain Run(string id) => grains.GetGrain<IRunGrain>(id);

    /// <summary>Tells placement (<see cref="DevicePlacement"/>) whether the run would use a GPU, for the call that activates its grain.</summary>
    private Task<T> PlacedFor<T>(ExperimentDefinition definition, Func<Task<T>> call)
    {
        RequestContext.Set(DevicePlacement.CudaKey, DevicePlacement.PrefersCuda(definition, options.Value.StackedMaxEpochCost));
        try
        {
            return call();
        }
        finally
        {
            RequestContext.Remove(DevicePlacement.CudaKey);
        }
    }

    private static async Task<bool> ControlAsync(Task<ControlAnswer> call, CancellationToken cancellationToken)
    {
        var answer = await call.WaitAsync(cancellationToken);
        return answer.NotOwner is { } refusal ? throw new UnauthorizedAccessException(refusal) : answer.Done;
    }

    private static bool IsWorkerLoss(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or EnumerationAbortedException or TimeoutException
            or OrleansException;

    private static async ValueTask DisposeQuietlyAsync(IAsyncEnumerator<TrainingEvent> events)
    {
        try
        {
            await events.DisposeAsync();
        }
        catch (Exception ex) when (IsWorkerLoss(ex))
        {
            // The silo that served the watch is gone; there is nothing left to release there.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching run {Id} ended before the run did (attempt {Attempt}); watching again")]
    private static partial void LogWatchCutShort(ILogger logger, string id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching run {Id} lost its worker (attempt {Attempt}); watching again")]
    private static partial void LogWatchLost(ILogger logger, Exception exception, string id, int attempt);
}
