using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Benchmarks.Load;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;

namespace MlIntro.Benchmarks.Cluster;

/// <summary>
/// Issue 14's performance target: a front end and a worker process on loopback (<c>scripts/cluster-local.sh start DIR 1</c>:
/// front-a, front-b, worker-1, PostgreSQL, Redis) against the embedded single process (the same dll alone, SQLite),
/// both driven out of process through the hub, both up for the whole run and measured in turns, so that the other
/// work on a shared machine weighs on both alike:
/// <list type="number">
/// <item>the Jets benchmark's MLP (64-32-32 ReLU + L1, Adam 1e-4, batch 1024, 25 % validation) on toy jets, trained to
/// its end; epochs per second as the watcher receives them (first to last Epoch event); target cluster/embedded ≥ 0.9;</item>
/// <item>small Playground Starts on front-a, each timed from the Start call to the first event of a Watch of the run
/// on the same connection; target cluster p95 ≤ 250 ms;</item>
/// <item>the default Playground (frames every 50 ms) started on front-a and watched on front-b (embedded: two
/// connections to the one process); gaps between Boundary frames received; target cluster median ≤ 60 ms.</item>
/// </list>
/// </summary>
internal static class ClusterBenchmark
{
    private const double TargetRatio = 0.9;
    private const double TargetFirstEventP95Ms = 250;
    private const double TargetFrameGapMedianMs = 60;

    /// <summary>The Jets benchmark's run (<see cref="Jets.EpochBenchmark"/>): toy jets, as the hls4ml file is not needed.</summary>
    private static ExperimentDefinition JetMlp(int jets, int epochs) => new(
        Lesson.Jets,
        new DataSpec(ToyJetsSource.Name, Points: jets),
        new ModelSpec([new(64), new(32), new(32)], Activation.ReLU, Regularization.L1, 1e-4),
        new OptimizerSpec(OptimizerKind.Adam, 1e-4),
        new TrainingSpec(epochs, 1024, FrameIntervalMs: 1000, ValidationFraction: 0.25),
        Seed: 0);

    /// <summary>What /playground sends with its controls untouched, cut to 10 epochs: a Start that ends soon after.</summary>
    private static ExperimentDefinition SmallPlayground() =>
        LoadRound.DefaultPlayground with { Training = LoadRound.DefaultPlayground.RequiredTraining with { Epochs = 10 } };

    public static async Task<IReadOnlyList<Verdict>> RunAsync(bool quick)
    {
        var jets = quick ? 166_000 : 830_000;
        var jetEpochs = quick ? 3 : 8;
        var rounds = quick ? 1 : 5;
        var starts = quick ? 10 : 40;
        var frameWindow = TimeSpan.FromSeconds(quick ? 8 : 20);
        var frameSettle = TimeSpan.FromSeconds(2);
        var trainedPerEpoch = (int)(JetData.TrainingRows(jets) * 0.75);
        var loadAtStart = MachineInfo.LoadAverage();
        Console.WriteLine();
        Console.WriteLine("== cluster (issue 14): embedded single process vs cluster-local.sh (front-a, front-b, 1 worker, PostgreSQL, Redis), " +
            $"both as child processes on loopback, driven through /hubs/training; {loadAtStart} at the start");
        Console.WriteLine($"  app: {Shape.WebAppDll()}");
        Console.WriteLine($"  settings for every app: {string.Join(", ", Shape.CommonSettings.Select(s => s.Key + "=" + s.Value))}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(quick ? 15 : 40));
        var token = timeout.Token;
        var shapes = new List<Shape>();
        var connections = new Dictionary<Shape, (HubConnection Start, HubConnection Watch)>();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            shapes.Add(await EmbeddedShape.StartAsync(token));
            Console.WriteLine($"  embedded up after {clock.Elapsed.TotalSeconds:F1} s: {shapes[0].StartFront}");
            clock.Restart();
            var cluster = await LocalClusterShape.StartAsync(workers: 1, token);
            shapes.Add(cluster);
            Console.WriteLine($"  cluster up after {clock.Elapsed.TotalSeconds:F1} s: " +
                string.Join(", ", cluster.Lines.Where(l => l.Key != "postgres").Select(l => $"{l.Key} {l.Value}")));
            foreach (var shape in shapes)
            {
                connections[shape] = (await HubProbes.ConnectAsync(shape.StartFront, token), await HubProbes.ConnectAsync(shape.WatchFront, token));
            }

            // Warm-up: JIT, EF Core's first queries, Orleans' first grain calls and the toy-jet generator, once per shape.
            foreach (var shape in shapes)
            {
                clock.Restart();
                await HubProbes.TrainToEndAsync(connections[shape].Start, JetMlp(jets, 2), () => 0, token);
                for (var i = 0; i < 5; i++)
                {
                    await HubProbes.StartToFirstEventAsync(connections[shape].Start, SmallPlayground(), token);
                }
                Console.WriteLine($"  warm-up {shape.Name}: one 2-epoch jet run and 5 small Playground runs, {clock.Elapsed.TotalSeconds:F1} s");
            }
            // Right after the warm-up the apps still compile (tiered JIT) for a few seconds: let that pass first.
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            var idle = shapes.Select(CpuMeter.Start).ToList();
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            for (var s = 0; s < shapes.Count; s++)
            {
                Console.WriteLine($"  idle CPU, {shapes[s].Name}: {idle[s].Stop()}");
            }

            // 1. Jet-MLP throughput, rounds in turns (embedded first, then cluster first, ...).
            Console.WriteLine();
            Console.WriteLine($"Jet MLP: {jets:N0} toy jets ({trainedPerEpoch:N0} trained per epoch), 64-32-32 ReLU + L1 1e-4, Adam 1e-4, batch 1024, " +
                $"25 % validation, frames every 1 s, {jetEpochs} epochs; Start and Watch on {string.Join(" / ", shapes.Select(s => s.Name + " " + s.StartFront))}");
            var throughput = shapes.ToDictionary(s => s, _ => new List<HubProbes.ThroughputFigures>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var shape in round % 2 == 0 ? shapes : Enumerable.Reverse(shapes))
                {
                    var cpu = CpuMeter.Start(shape);
                    var figures = await HubProbes.TrainToEndAsync(connections[shape].Start, JetMlp(jets, jetEpochs), () => CpuMeter.TotalSeconds(shape), token);
                    throughput[shape].Add(figures);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round + 1} {shape.Name,-8} {figures.EpochsPerSecond,6:F3} epochs/s ({figures.EpochsPerSecond * trainedPerEpoch,9:N0} jets/s), " +
                        $"{figures.CpuSecondsPerEpoch:F3} CPU s per epoch, first epoch after {figures.FirstEpochSeconds:F2} s, Finished after {figures.TotalSeconds:F2} s, " +
                        $"{figures.Events} events; {MachineInfo.LoadAverage()}"));
                    Console.WriteLine($"      CPU {cpu.Stop()}");
                }
            }

            // 2. Start → first event, Starts in turns.
            Console.WriteLine();
            var small = SmallPlayground();
            Console.WriteLine($"Start → first event: {starts} small Playground runs per shape ({small.RequiredData.Name} {small.RequiredData.Points} points, " +
                $"{string.Join('-', small.RequiredModel.HiddenLayers.Select(l => l.Neurons))} {small.RequiredModel.Activation}, {small.RequiredTraining.Epochs} epochs), " +
                "each Started, Watched on the same connection and read to its end, shapes in turns");
            var latency = shapes.ToDictionary(s => s, _ => new List<HubProbes.LatencyFigures>());
            var latencyCpu = shapes.ToDictionary(s => s, CpuMeter.Start);
            for (var i = 0; i < starts; i++)
            {
                foreach (var shape in i % 2 == 0 ? shapes : Enumerable.Reverse(shapes))
                {
                    latency[shape].Add(await HubProbes.StartToFirstEventAsync(connections[shape].Start, small, token));
                }
            }
            foreach (var shape in shapes)
            {
                Console.WriteLine($"  CPU over the Starts, {shape.Name}: {latencyCpu[shape].Stop()}");
            }
            foreach (var shape in shapes)
            {
                Console.WriteLine($"  slowest first events, {shape.Name}: " + string.Join("; ", latency[shape].OrderByDescending(f => f.FirstEventMs).Take(3)
                    .Select(f => string.Create(CultureInfo.InvariantCulture,
                        $"{f.FirstEventMs:F0} ms (Start answered after {f.StartMs:F0}) at {f.At:HH:mm:ss.fff} UTC, run {f.Id}"))));
            }

            // 3. Frame gaps to a watcher on the other front end.
            Console.WriteLine();
            var playground = LoadRound.DefaultPlayground;
            Console.WriteLine($"Frames: the default Playground ({playground.RequiredData.Name} {playground.RequiredData.Points} points, frames every " +
                $"{playground.RequiredTraining.FrameIntervalMs} ms) started on {string.Join(" / ", shapes.Select(s => s.Name + " " + s.StartFront))}, watched on " +
                $"{string.Join(" / ", shapes.Select(s => s.Name + " " + s.WatchFront + (s.WatchFront == s.StartFront ? " (second connection)" : "")))}; " +
                $"gaps between Boundary frames over {frameWindow.TotalSeconds:F0} s, from {frameSettle.TotalSeconds:F0} s after the first frame");
            var frames = new Dictionary<Shape, HubProbes.FrameFigures>();
            foreach (var shape in shapes)
            {
                var cpu = CpuMeter.Start(shape);
                frames[shape] = await HubProbes.WatchFramesAsync(connections[shape].Start, connections[shape].Watch, playground, frameSettle, frameWindow, token);
                var gaps = Percentiles.Of([.. frames[shape].GapsMs]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {shape.Name,-8} {gaps.Count} gaps: min {gaps.Min:F1}, median {gaps.P50:F1}, p95 {gaps.P95:F1}, max {gaps.Max:F1} ms; " +
                    $"{frames[shape].EpochsPerSecond:F0} epochs/s watched; {MachineInfo.LoadAverage()}"));
                Console.WriteLine($"      CPU {cpu.Stop()}");
                await Task.Delay(TimeSpan.FromSeconds(1), token); // the cancelled run leaves the engine
            }

            var (embedded, clustered) = (shapes[0], shapes[1]);
            var rate = throughput.ToDictionary(p => p.Key, p => Percentiles.Of([.. p.Value.Select(f => f.EpochsPerSecond)]));
            var first = latency.ToDictionary(p => p.Key, p => Percentiles.Of([.. p.Value.Select(f => f.FirstEventMs)]));
            var answer = latency.ToDictionary(p => p.Key, p => Percentiles.Of([.. p.Value.Select(f => f.StartMs)]));
            var firstEpoch = latency.ToDictionary(p => p.Key, p => Percentiles.Of([.. p.Value.Select(f => f.FirstEpochMs)]));
            var gap = frames.ToDictionary(p => p.Key, p => Percentiles.Of([.. p.Value.GapsMs]));
            var ratio = rate[clustered].P50 / rate[embedded].P50;
            // Each round's two runs ran back to back, under about the same load: their ratio drifts less than the medians'.
            var paired = Percentiles.Of([.. throughput[clustered].Zip(throughput[embedded], (c, e) => c.EpochsPerSecond / e.EpochsPerSecond)]);
            var cpuPerEpoch = throughput.ToDictionary(p => p.Key, p => Percentiles.Of([.. p.Value.Select(f => f.CpuSecondsPerEpoch)]));
            var loadAtEnd = MachineInfo.LoadAverage();

            Console.WriteLine();
            Console.WriteLine($"{"figure",-44} {"embedded",10} {"cluster",10}  {"cluster vs embedded",-22}");
            Row("jet MLP epochs/s (median of rounds)", rate[embedded].P50, rate[clustered].P50, "F3", $"ratio {ratio:F3} (target ≥ {TargetRatio})");
            Row("jet MLP jets/s", rate[embedded].P50 * trainedPerEpoch, rate[clustered].P50 * trainedPerEpoch, "N0", "");
            Row("jet MLP epochs/s, rounds min / max", rate[embedded].Min, rate[clustered].Min, "F3",
                string.Create(CultureInfo.InvariantCulture, $"max {rate[embedded].Max:F3} / {rate[clustered].Max:F3}"));
            Row("jet MLP CPU s per epoch, all processes (median)", cpuPerEpoch[embedded].P50, cpuPerEpoch[clustered].P50, "F3",
                string.Create(CultureInfo.InvariantCulture, $"ratio {cpuPerEpoch[clustered].P50 / cpuPerEpoch[embedded].P50:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"jet MLP per-round ratios cluster/embedded",-44} {"",10} {"",10}  median {paired.P50:F3}, min {paired.Min:F3}, max {paired.Max:F3}"));
            Row("Start → first event p50 ms", first[embedded].P50, first[clustered].P50, "F1", "");
            Row("Start → first event p95 ms", first[embedded].P95, first[clustered].P95, "F1", $"target ≤ {TargetFirstEventP95Ms:F0}");
            Row("Start → first event max ms", first[embedded].Max, first[clustered].Max, "F1", "");
            Row("Start answered p50 ms", answer[embedded].P50, answer[clustered].P50, "F1", "");
            Row("Start answered p95 ms", answer[embedded].P95, answer[clustered].P95, "F1", "");
            Row("Start → first Epoch event p50 ms", firstEpoch[embedded].P50, firstEpoch[clustered].P50, "F1", "");
            Row("Boundary frame gap median ms", gap[embedded].P50, gap[clustered].P50, "F1", $"target ≤ {TargetFrameGapMedianMs:F0}");
            Row("Boundary frame gap p95 ms", gap[embedded].P95, gap[clustered].P95, "F1", "");
            Row("Boundary frame gap max ms", gap[embedded].Max, gap[clustered].Max, "F1", "");
            Row("Playground epochs/s at the watcher", frames[embedded].EpochsPerSecond, frames[clustered].EpochsPerSecond, "F0", "");
            Console.WriteLine($"{loadAtStart} at the start, {loadAtEnd} at the end");

            return
            [
                new Verdict("cluster-jet-throughput", ratio >= TargetRatio, string.Create(CultureInfo.InvariantCulture,
                    $"cluster {rate[clustered].P50:F3} vs embedded {rate[embedded].P50:F3} epochs/s (medians of {rounds} rounds): ratio {ratio:F3} (target ≥ {TargetRatio}); " +
                    $"per-round ratios median {paired.P50:F3}; {jets:N0} toy jets")),
                new Verdict("cluster-start-first-event", first[clustered].P95 <= TargetFirstEventP95Ms, string.Create(CultureInfo.InvariantCulture,
                    $"cluster p95 {first[clustered].P95:F1} ms, p50 {first[clustered].P50:F1} (embedded p95 {first[embedded].P95:F1}); target p95 ≤ {TargetFirstEventP95Ms:F0} ms, {starts} Starts")),
                new Verdict("cluster-frame-gap", gap[clustered].P50 <= TargetFrameGapMedianMs, string.Create(CultureInfo.InvariantCulture,
                    $"watcher on front-b: median {gap[clustered].P50:F1} ms, p95 {gap[clustered].P95:F1} (embedded {gap[embedded].P50:F1} / {gap[embedded].P95:F1}); target median ≤ {TargetFrameGapMedianMs:F0} ms")),
            ];
        }
        finally
        {
            foreach (var (start, watch) in connections.Values)
            {
                await start.DisposeAsync();
                await watch.DisposeAsync();
            }
            var keep = Environment.GetEnvironmentVariable("MLINTRO_CLUSTER_BENCH_LOGS");
            foreach (var shape in Enumerable.Reverse(shapes))
            {
                if (!string.IsNullOrEmpty(keep))
                {
                    Directory.CreateDirectory(keep);
                    try
                    {
                        shape.CopyLogs(keep);
                    }
                    catch (IOException ex)
                    {
                        Console.Error.WriteLine($"Could not copy the {shape.Name} logs: {ex.Message}");
                    }
                }
                await shape.DisposeAsync();
            }
        }
    }

    private static void Row(string figure, double embedded, double cluster, string format, string note) =>
        Console.WriteLine($"{figure,-44} {embedded.ToString(format, CultureInfo.InvariantCulture),10} {cluster.ToString(format, CultureInfo.InvariantCulture),10}  {note}");
}
