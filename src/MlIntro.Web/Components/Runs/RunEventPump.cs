using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Runs;

/// <summary>
/// Hands a run's events to a page in batches: gathered off the circuit and applied on it at most every 50 ms, so a
/// fast run cannot queue hundreds of InvokeAsync calls a second ahead of the user's clicks.
/// </summary>
public static class RunEventPump
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <param name="onCircuit">The component's InvokeAsync.</param>
    /// <param name="apply">Applies one event to the page's state; runs on the circuit, in order.</param>
    public static async Task FollowAsync(
        IAsyncEnumerable<TrainingEvent> events, Func<Func<Task>, Task> onCircuit, Action<TrainingEvent> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(onCircuit);
        ArgumentNullException.ThrowIfNull(apply);
        var gate = new Lock();
        var pending = new List<TrainingEvent>();
        var throttle = new RenderThrottle(() => onCircuit(() =>
        {
            TrainingEvent[] batch;
            lock (gate)
            {
                batch = [.. pending];
                pending.Clear();
            }
            foreach (var e in batch)
            {
                apply(e);
            }
            return Task.CompletedTask;
        }), Interval);
        try
        {
            await foreach (var e in events.WithCancellation(cancellationToken))
            {
                lock (gate)
                {
                    pending.Add(e);
                }
                _ = throttle.RequestAsync(immediately: e.IsTerminal);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // a new run, a stop, or the page closed
        }
    }
}
