using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;

namespace MlIntro.Benchmarks.Fairness;

/// <summary>
/// Issue 9 item 3: does a normal client keep training while 8 abusive connections each hold 4 long runs? The app runs
/// as a child process (rate limits off, a raised per-address cap: every client here shares 127.0.0.1); a normal hub
/// client trains the default Playground network alone, then again beside the abusers (per connection: 2 heavy runs, a
/// 3x256 network with RMSProp on 50,000 spiral points, and 2 light Playground runs). Target: the normal client keeps at
/// least half of its alone-rate of delivered epochs.
/// </summary>
internal static class FairnessBenchmark
{
    private const double TargetRatio = 0.5;
    private const int Abusers = 8;

    public static async Task<Verdict> RunAsync(bool quick)
    {
        var window = TimeSpan.FromSeconds(quick ? 8 : 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var token = timeout.Token;
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "false",
            ["Training:MaxRunsPerAddress"] = "1000",
        }, token);

        var alone = await MeasureNormalAsync(app.Address, window, token);
        Console.WriteLine();
        Console.WriteLine($"Fairness: a normal Playground client alone, then beside {Abusers} connections with long runs");
        Print("alone", alone, alone);
        // Heavy and light abuse apart, then the case (4 runs per connection): which one costs what.
        Print("8 x 2 heavy", await BesideAbusersAsync(app.Address, heavy: 2, light: 0, window, token), alone);
        Print("8 x 2 light", await BesideAbusersAsync(app.Address, heavy: 0, light: 2, window, token), alone);
        var crowded = await BesideAbusersAsync(app.Address, heavy: 2, light: 2, window, token);
        Print("8 x (2+2)", crowded, alone);
        var ratio = crowded.EpochsPerSecond / alone.EpochsPerSecond;
        return new Verdict("fairness-8-abusers", ratio >= TargetRatio,
            $"normal client {crowded.EpochsPerSecond:F1} epochs/s beside 8 connections x (2 heavy + 2 light) vs {alone.EpochsPerSecond:F1} alone: " +
            $"ratio {ratio:F2} (target ≥ {TargetRatio})");
    }

    private static void Print(string label, NormalFigures figures, NormalFigures alone) =>
        Console.WriteLine($"  {label,-12} {figures.EpochsPerSecond,7:F1} epochs/s  ratio {figures.EpochsPerSecond / alone.EpochsPerSecond,5:F2}  " +
            $"worst gap {figures.WorstGapMs,6:F0} ms  first epoch after {figures.FirstEpochMs,6:F0} ms");

    /// <summary>Starts the abusers' runs, measures the normal client beside them, then cancels them all.</summary>
    private static async Task<NormalFigures> BesideAbusersAsync(Uri address, int heavy, int light, TimeSpan window, CancellationToken token)
    {
        var abusers = new List<(HubConnection Connection, List<string> Runs)>();
        try
        {
            for (var a = 0; a < Abusers; a++)
            {
                var connection = await ConnectAsync(address, token);
                var runs = new List<string>();
                abusers.Add((connection, runs));
                for (var r = 0; r < heavy; r++)
                {
                    runs.Add(await connection.InvokeAsync<string>("Start", Heavy(seed: 10 * a + r), token));
                }
                for (var r = 0; r < light; r++)
                {
                    runs.Add(await connection.InvokeAsync<string>("Start", Light(seed: 10 * a + r), token));
                }
            }
            // Let the heavy runs load their 50,000 points and get going before the normal client starts.
            await Task.Delay(TimeSpan.FromSeconds(3), token);
            return await MeasureNormalAsync(address, window, token);
        }
        finally
        {
            foreach (var (connection, runs) in abusers)
            {
                foreach (var id in runs)
                {
                    await connection.InvokeAsync<bool>("Cancel", id, token);
                }
                await connection.DisposeAsync();
            }
            await Task.Delay(TimeSpan.FromSeconds(2), token); // the cancelled runs leave their threads
        }
    }

    private sealed record NormalFigures(double EpochsPerSecond, double WorstGapMs, double FirstEpochMs);

    /// <summary>Starts the default Playground, counts the epochs it delivers for <paramref name="window"/> after the first, and cancels it.</summary>
    private static async Task<NormalFigures> MeasureNormalAsync(Uri address, TimeSpan window, CancellationToken token)
    {
        await using var connection = await ConnectAsync(address, token);
        var clock = Stopwatch.StartNew();
        var id = await connection.InvokeAsync<string>("Start", Normal(), token);
        var epochTimes = new List<double>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var firstEpochMs = double.NaN;
        try
        {
            await foreach (var e in connection.StreamAsync<TrainingEvent>("Watch", id, stop.Token))
            {
                if (e.Kind != TrainingEventKind.Epoch)
                {
                    continue;
                }
                if (epochTimes.Count == 0)
                {
                    firstEpochMs = clock.Elapsed.TotalMilliseconds;
                    stop.CancelAfter(window);
                }
                epochTimes.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !token.IsCancellationRequested)
        {
            // the window is over
        }
        await connection.InvokeAsync<bool>("Cancel", id, token);
        var gaps = epochTimes.Zip(epochTimes.Skip(1), (a, b) => b - a).DefaultIfEmpty(double.PositiveInfinity);
        return new NormalFigures((epochTimes.Count - 1) / window.TotalSeconds, gaps.Max(), firstEpochMs);
    }

    private static async Task<HubConnection> ConnectAsync(Uri address, CancellationToken token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/training"))
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(token);
        return connection;
    }

    /// <summary>The Playground as a student opens it: 2-4-2-1 tanh, GD 0.03, circle, 250 training points, batch 10.</summary>
    private static ExperimentDefinition Normal() => new(
        Lesson.Playground,
        new DataSpec("circle", 500, 0, 0.5, ["x1", "x2"]),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.GD, 0.03),
        new TrainingSpec(Epochs: 100_000, BatchSize: 10, FrameIntervalMs: 50),
        Seed: 1);

    /// <summary>Small enough for the stacked engine (it stacks with the normal client's run: same shape, other settings).</summary>
    private static ExperimentDefinition Light(int seed) => Normal() with { Optimizer = new OptimizerSpec(OptimizerKind.GD, 0.1), Seed = seed };

    /// <summary>Trains on a thread of its own: RMSProp is never stacked, whatever the engine's size threshold.</summary>
    private static ExperimentDefinition Heavy(int seed) => new(
        Lesson.Playground,
        new DataSpec("spiral", 50_000, 0, 0.9, ["x1", "x2"]),
        new ModelSpec([new HiddenLayer(256), new HiddenLayer(256), new HiddenLayer(256)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.RMSProp, 0.001),
        new TrainingSpec(Epochs: 100_000, BatchSize: 32),
        seed);
}
