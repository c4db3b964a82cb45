using System.Diagnostics;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Playground;
using MlIntro.Web.Hubs;

namespace MlIntro.Benchmarks.Load;

/// <summary>Starts a fresh server, connects N hub clients, has each Start and Watch a default Playground run for a window.</summary>
internal static class LoadRound
{
    /// <summary>Settings that make one machine look like a room: the per-IP limits would refuse all but a few clients.</summary>
    private static readonly Dictionary<string, string> ServerSettings = new()
    {
        ["RateLimits__Enabled"] = "false",
        ["Training__MaxRunsPerAddress"] = "1000",
    };

    /// <summary>What /playground sends on Start with its controls untouched (every client the same, as a room would).</summary>
    public static ExperimentDefinition DefaultPlayground { get; } = new PlaygroundSettings().ToDefinition(new ExperimentLimits().MaxEpochs);

    public static async Task<RoundFigures> RunAsync(int clients, TimeSpan window, CancellationToken cancellationToken)
    {
        // A hundred connections' receive loops in one process: without enough pool threads up front, the load
        // generator's own thread-pool ramp-up (about one thread per 0.5 s) would show as gaps that the server never made.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, clients + 8), io);
        await using var server = await ServerProcess.StartAsync(ServerSettings, cancellationToken);
        var hub = new Uri(server.Address, TrainingHub.Path);
        var connections = Enumerable.Range(0, clients + 1).Select(_ => new LoadClient(hub)).ToList();
        try
        {
            await Task.WhenAll(connections.Select(c => c.ConnectAsync(cancellationToken)));
            using var sampling = new CancellationTokenSource();
            var samples = Task.Run(() => SampleAsync(server.Pid, sampling.Token), CancellationToken.None);
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clientClock = Stopwatch.StartNew();
            using var windowEnd = new CancellationTokenSource(window);
            var busyStarts = ProbeStartsAsync(connections[^1], window, cancellationToken);
            var figures = await Task.WhenAll(connections.Take(clients).Select(c => c.RunAsync(DefaultPlayground, windowEnd.Token, cancellationToken)));
            var clientCores = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalSeconds / clientClock.Elapsed.TotalSeconds;
            await sampling.CancelAsync();
            var taken = await samples;
            return new RoundFigures(clients, figures,
                ProcessSample.CoresBetween(taken[0], taken[^1]),
                taken.Max(s => s.RssBytes) / 1024.0 / 1024.0,
                taken.Max(s => s.Threads),
                clientCores,
                await busyStarts,
                server.Complaints());
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// One more client that, from the middle of the window on, starts and cancels a run ten times: Start's answer time
    /// while the room's runs train and the recorder writes (the burst at the start of a round is measured apart).
    /// </summary>
    private static async Task<IReadOnlyList<double>> ProbeStartsAsync(LoadClient probe, TimeSpan window, CancellationToken cancellationToken)
    {
        await Task.Delay(window / 2, cancellationToken);
        var answers = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await probe.StartAndCancelAsync(DefaultPlayground, cancellationToken));
            await Task.Delay(250, cancellationToken);
        }
        return answers;
    }

    private static async Task<List<ProcessSample>> SampleAsync(int pid, CancellationToken stop)
    {
        var samples = new List<ProcessSample> { ProcessSample.Read(pid) };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                samples.Add(ProcessSample.Read(pid));
            }
        }
        catch (OperationCanceledException)
        {
            // the round is over
        }
        samples.Add(ProcessSample.Read(pid));
        return samples;
    }
}
