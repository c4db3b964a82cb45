namespace MlIntro.Benchmarks.Load;

/// <summary>The load rounds as one table: a row per round, client figures as (worst or p50) / (median or p95).</summary>
internal static class LoadTable
{
    public static void Print(IReadOnlyList<RoundFigures> rounds)
    {
        Console.WriteLine($"{"N",4} {"acc",4} {"rej",4} {"trained",7} {"Start ms",13} {"busy Start",11} {"1st event ms",13} {"epochs/s",13} {"worst gap ms",13} " +
            $"{"drop",4} {"srv CPU",7} {"RSS MB",7} {"thr",4} {"cli CPU",7}");
        Console.WriteLine($"{"",4} {"",4} {"",4} {"",7} {"p50/p95",13} {"p50/p95",11} {"p50/p95",13} {"min/median",13} {"max/median",13} " +
            $"{"",4} {"cores",7} {"peak",7} {"peak",4} {"cores",7}");
        foreach (var r in rounds)
        {
            var accepted = r.Figures.Where(f => f.Accepted).ToList();
            var start = Percentiles.Of([.. r.Figures.Select(f => f.StartMs)]);
            var first = Of(accepted.Select(f => f.FirstEventMs));
            var busy = Of(r.BusyStartMs);
            var rate = Of(r.Training.Select(f => f.EpochsPerSecond));
            var gap = Of(r.Training.Select(f => f.WorstGapMs));
            Console.WriteLine($"{r.Clients,4} {r.Accepted,4} {r.Clients - r.Accepted,4} {r.Training.Count,7} " +
                $"{Pair(start.P50, start.P95),13} {Pair(busy?.P50, busy?.P95),11} {Pair(first?.P50, first?.P95),13} {Pair(rate?.Min, rate?.P50),13} {Pair(gap?.Max, gap?.P50),13} " +
                $"{r.Dropped,4} {r.ServerCores,7:F2} {r.PeakRssMb,7:F0} {r.PeakThreads,4} {r.ClientCores,7:F2}");
        }
    }

    private static Percentiles? Of(IEnumerable<double> values)
    {
        var known = values.Where(double.IsFinite).ToArray();
        return known.Length == 0 ? null : Percentiles.Of(known);
    }

    private static string Pair(double? a, double? b) => $"{Format(a)}/{Format(b)}";

    private static string Format(double? value) => value switch
    {
        null => "-",
        >= 100 => value.Value.ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.Value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
    };
}
