using System.Globalization;

namespace MlIntro.Benchmarks.Load;

/// <summary>
/// Issue 9, item 8: the app as a child process and N out-of-process hub clients (N = 10, 30, 60, 100), each starting
/// and watching the default Playground run for a window. Targets at N = 30: no connection dropped by the server, and no
/// client waits more than 500 ms between two events.
/// </summary>
internal static class LoadBenchmark
{
    private const int TargetClients = 30;
    private const double TargetGapMs = 500;

    /// <param name="clientCounts">Rounds to run, in order (a count may repeat, to see the noise).</param>
    public static async Task<IReadOnlyList<Verdict>> RunAsync(IReadOnlyList<int> clientCounts, bool quick)
    {
        var window = TimeSpan.FromSeconds(quick ? 10 : 25);
        Console.WriteLine();
        Console.WriteLine($"== load: the built app as a child process (Production, rate limits off, per-address cap 1000), a fresh server " +
            $"per round; N WebSocket hub clients in this process each Start the default Playground run ({Describe()}) and Watch it for " +
            $"{window.TotalSeconds:F0} s, then Cancel");
        var rounds = new List<RoundFigures>();
        foreach (var n in clientCounts)
        {
            using var timeout = new CancellationTokenSource(window + TimeSpan.FromMinutes(3));
            var round = await LoadRound.RunAsync(n, window, timeout.Token);
            rounds.Add(round);
            Details(round);
        }
        Console.WriteLine();
        LoadTable.Print(rounds);
        Console.WriteLine(MachineInfo.LoadAverage() + " at the end");
        return [.. rounds.Where(r => r.Clients == TargetClients).Select(Judge)];
    }

    /// <summary>Parses <c>--n=10,30,30</c>; the four sizes by default, one small round with --quick.</summary>
    public static IReadOnlyList<int> ClientCounts(IReadOnlyList<string> args, bool quick)
    {
        var given = args.FirstOrDefault(a => a.StartsWith("--n=", StringComparison.Ordinal));
        if (given is not null)
        {
            return [.. given[4..].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        }
        return quick ? [10] : [10, 30, 60, 100];
    }

    private static Verdict Judge(RoundFigures round) => new($"load-{round.Clients}",
        round.Dropped == 0 && round.Training.Count > 0 && round.WorstGapMs <= TargetGapMs,
        $"{round.Dropped} connections dropped (target 0), worst gap {round.WorstGapMs:F0} ms (target ≤ {TargetGapMs:F0}); " +
        $"{round.Training.Count}/{round.Clients} trained, Start p50 {Percentiles.Of([.. round.Figures.Select(f => f.StartMs)]).P50:F0} ms");

    private static string Describe()
    {
        var d = LoadRound.DefaultPlayground;
        return $"{d.RequiredData.Name} {d.RequiredData.Points} points, {string.Join('-', d.RequiredModel.HiddenLayers.Select(l => l.Neurons))} " +
            $"{d.RequiredModel.Activation}, {d.RequiredOptimizer.Kind} {d.RequiredOptimizer.LearningRate}, batch {d.RequiredTraining.BatchSize}, " +
            $"{d.RequiredTraining.Epochs} epochs";
    }

    /// <summary>Each round's problems in words: who was refused, dropped, or stopped early, and what the server logged.</summary>
    private static void Details(RoundFigures round)
    {
        Console.WriteLine($"N = {round.Clients}: {round.Accepted} accepted, {round.Training.Count} trained, {round.Dropped} dropped; {MachineInfo.LoadAverage()}");
        foreach (var problem in round.Figures.Select(f => f.Rejection ?? f.Dropped ?? f.StreamProblem).OfType<string>()
            .GroupBy(p => p).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {problem.Count()} × {problem.Key}");
        }
        if (round.Training.Count > 0)
        {
            // Worst gaps that end within a second of each other were one stall of the whole server, not of one client.
            var worst = round.Training.MaxBy(f => f.WorstGapMs)!;
            var together = round.Training.Count(f => Math.Abs(f.WorstGapEndedAt - worst.WorstGapEndedAt) < 1_000);
            Console.WriteLine($"  worst gap {worst.WorstGapMs:F0} ms ended {worst.WorstGapEndedAt / 1000:F1} s after its Start; " +
                $"{together} of {round.Training.Count} clients' worst gaps ended within 1 s of it");
        }
        foreach (var line in round.ServerComplaints.Take(5))
        {
            Console.WriteLine($"  server: {line}");
        }
    }
}
