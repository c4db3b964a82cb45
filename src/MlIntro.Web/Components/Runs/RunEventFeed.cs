using System.Threading.Channels;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Runs;

/// <summary>
/// Hands a run's events to a component in batches: read off the circuit as fast as they come, applied on it at most
/// every 50 ms (at once for the terminal event). A fast run sends hundreds of epochs a second, and one InvokeAsync
/// each would queue ahead of the user's clicks and of the circuit's shutdown.
/// </summary>
public sealed class RunEventFeed(Func<Func<Task>, Task> onCircuit, Action<TrainingEvent> apply, Func<Task> render)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads <paramref name="events"/> to its end; exceptions of the stream, of apply or of render propagate.</summary>
    public async Task RunAsync(IAsyncEnumerable<TrainingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var queue = Channel.CreateUnbounded<TrainingEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadAsync(events, queue.Writer, stop.Token);
        var applying = ApplyAsync(queue.Reader, stop.Token);
        if (await Task.WhenAny(reading, applying) == applying && applying.IsFaulted)
        {
            await stop.CancelAsync(); // a failed apply ends the stream too, so its exception surfaces now
        }
        try
        {
            await Task.WhenAll(reading, applying);
        }
        catch (OperationCanceledException) when (applying.IsFaulted)
        {
            await applying; // rethrows the apply's own exception, not the cancellation it caused
        }
    }

    private static async Task ReadAsync(IAsyncEnumerable<TrainingEvent> events, ChannelWriter<TrainingEvent> writer, CancellationToken token)
    {
        try
        {
            await foreach (var e in events.WithCancellation(token))
            {
                writer.TryWrite(e);
            }
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    private async Task ApplyAsync(ChannelReader<TrainingEvent> reader, CancellationToken token)
    {
        var batch = new List<TrainingEvent>();
        var last = DateTime.MinValue;
        while (await reader.WaitToReadAsync(token))
        {
            Drain(reader, batch);
            var wait = last + Interval - DateTime.UtcNow;
            if (wait > TimeSpan.Zero && !batch.Exists(e => e.IsTerminal))
            {
                await Task.Delay(wait, token);
                Drain(reader, batch);
            }
            TrainingEvent[] applied = [.. batch];
            batch.Clear();
            await onCircuit(async () =>
            {
                foreach (var e in applied)
                {
                    apply(e);
                }
                await render();
            });
            // Counted from the end of the render, so that a slow one (a loaded server) is not followed by another at once.
            last = DateTime.UtcNow;
        }
    }

    private static void Drain(ChannelReader<TrainingEvent> reader, List<TrainingEvent> batch)
    {
        while (reader.TryRead(out var e))
        {
            batch.Add(e);
        }
    }
}
