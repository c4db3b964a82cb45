using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Benchmarks.Load;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hubs;

namespace MlIntro.Benchmarks.Cluster;

/// <summary>What a hub client sees of a shape: the three measurements of issue 14's performance target.</summary>
internal static class HubProbes
{
    /// <summary>A started hub client speaking the app's JSON conventions, as the tests' <c>AppProcess.ConnectAsync</c> builds it.</summary>
    public static async Task<HubConnection> ConnectAsync(Uri front, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(front, TrainingHub.Path))
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <param name="Epochs">Epoch events received.</param>
    /// <param name="EpochsPerSecond">Epoch events per second from the first to the last one (data loading excluded).</param>
    /// <param name="FirstEpochSeconds">Start call to the first Epoch event: loading the data and the first epoch.</param>
    /// <param name="TotalSeconds">Start call to the Finished event.</param>
    /// <param name="Events">Events of any kind received.</param>
    /// <param name="CpuSecondsPerEpoch">CPU time of all the shape's processes from the first to the last Epoch event, per epoch.</param>
    public sealed record ThroughputFigures(int Epochs, double EpochsPerSecond, double FirstEpochSeconds, double TotalSeconds, int Events, double CpuSecondsPerEpoch);

    /// <summary>
    /// Starts <paramref name="definition"/> on <paramref name="connection"/>, watches it there to its end;
    /// <paramref name="cpuSeconds"/> is read at every Epoch event (the shape's CPU time so far).
    /// </summary>
    public static async Task<ThroughputFigures> TrainToEndAsync(
        HubConnection connection, ExperimentDefinition definition, Func<double> cpuSeconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var id = await connection.InvokeAsync<string>(nameof(TrainingHub.Start), definition, cancellationToken);
        var epochTimes = new List<double>();
        var epochCpu = new List<double>();
        var events = 0;
        await foreach (var e in connection.StreamAsync<LoadEvent>(nameof(TrainingHub.Watch), id, cancellationToken))
        {
            events++;
            if (e.Kind == TrainingEventKind.Epoch)
            {
                epochTimes.Add(clock.Elapsed.TotalSeconds);
                epochCpu.Add(cpuSeconds());
            }
            if (e.IsTerminal)
            {
                if (e.Status != ExperimentStatus.Finished)
                {
                    throw new InvalidOperationException($"Run {id} ended {e.Status}: {e.Message}");
                }
                break;
            }
        }
        var total = clock.Elapsed.TotalSeconds;
        if (epochTimes.Count < 2)
        {
            throw new InvalidOperationException($"Run {id} delivered {epochTimes.Count} epochs; a rate needs two.");
        }
        return new ThroughputFigures(epochTimes.Count, (epochTimes.Count - 1) / (epochTimes[^1] - epochTimes[0]), epochTimes[0], total, events,
            (epochCpu[^1] - epochCpu[0]) / (epochTimes.Count - 1));
    }

    /// <param name="StartMs">Start's answer (the run's id) after the call.</param>
    /// <param name="FirstEventMs">The first event of a Watch called right after Start answered, from the Start call.</param>
    /// <param name="FirstEpochMs">The first Epoch event, from the Start call.</param>
    /// <param name="At">When Start was called (UTC), to find the run in the apps' logs.</param>
    public sealed record LatencyFigures(double StartMs, double FirstEventMs, double FirstEpochMs, DateTime At, string Id);

    /// <summary>Starts a small run, watches it on the same connection, and reads it to its end (the next Start finds an idle server).</summary>
    public static async Task<LatencyFigures> StartToFirstEventAsync(HubConnection connection, ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        var at = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var id = await connection.InvokeAsync<string>(nameof(TrainingHub.Start), definition, cancellationToken);
        var started = clock.Elapsed.TotalMilliseconds;
        double first = double.NaN, firstEpoch = double.NaN;
        await foreach (var e in connection.StreamAsync<LoadEvent>(nameof(TrainingHub.Watch), id, cancellationToken))
        {
            var now = clock.Elapsed.TotalMilliseconds;
            if (double.IsNaN(first))
            {
                first = now;
            }
            if (e.Kind == TrainingEventKind.Epoch && double.IsNaN(firstEpoch))
            {
                firstEpoch = now;
            }
            if (e.IsTerminal)
            {
                if (e.Status != ExperimentStatus.Finished)
                {
                    throw new InvalidOperationException($"Run {id} ended {e.Status}: {e.Message}");
                }
                break;
            }
        }
        return new LatencyFigures(started, first, firstEpoch, at, id);
    }

    /// <param name="GapsMs">Time between consecutive Boundary frames received, after the settling time.</param>
    /// <param name="EpochsPerSecond">Epoch events the watcher received per second over the measured window.</param>
    public sealed record FrameFigures(IReadOnlyList<double> GapsMs, double EpochsPerSecond, double WindowSeconds);

    /// <summary>
    /// Starts <paramref name="definition"/> on <paramref name="starter"/> and watches it on <paramref name="watcher"/>;
    /// from <paramref name="settle"/> after the first Boundary frame on, records the arrival of every Boundary frame for
    /// <paramref name="window"/>; then cancels the run.
    /// </summary>
    public static async Task<FrameFigures> WatchFramesAsync(
        HubConnection starter, HubConnection watcher, ExperimentDefinition definition, TimeSpan settle, TimeSpan window, CancellationToken cancellationToken)
    {
        var id = await starter.InvokeAsync<string>(nameof(TrainingHub.Start), definition, cancellationToken);
        var clock = Stopwatch.StartNew();
        var frames = new List<double>();
        var epochs = new List<double>();
        var from = double.NaN;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await foreach (var e in watcher.StreamAsync<LoadEvent>(nameof(TrainingHub.Watch), id, stop.Token))
            {
                var now = clock.Elapsed.TotalMilliseconds;
                if (e.Kind == TrainingEventKind.Boundary && double.IsNaN(from))
                {
                    from = now + settle.TotalMilliseconds;
                    stop.CancelAfter(settle + window);
                }
                if (double.IsNaN(from) || now < from)
                {
                    continue;
                }
                if (e.Kind == TrainingEventKind.Boundary)
                {
                    frames.Add(now);
                }
                else if (e.Kind == TrainingEventKind.Epoch)
                {
                    epochs.Add(now);
                }
                if (e.IsTerminal)
                {
                    throw new InvalidOperationException($"Run {id} ended {e.Status} while watched: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // the window is over
        }
        var measured = (clock.Elapsed.TotalMilliseconds - from) / 1000;
        await starter.InvokeAsync<bool>(nameof(TrainingHub.Cancel), id, cancellationToken);
        var gaps = frames.Zip(frames.Skip(1), (a, b) => b - a).ToList();
        return new FrameFigures(gaps, epochs.Count / measured, measured);
    }
}
