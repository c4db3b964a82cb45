using System.Globalization;

namespace MlIntro.Benchmarks.Load;

/// <summary>One reading of a Linux process's CPU time and memory from /proc (dotnet-counters is not installed here).</summary>
internal sealed record ProcessSample(DateTime TakenAt, double CpuSeconds, long RssBytes, int Threads)
{
    /// <summary>USER_HZ: /proc reports CPU time in these ticks; 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Field 3 (state) is fields[0], so field n is fields[n - 3]: utime 14, stime 15, num_threads 20, rss 24 (pages).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var threads = int.Parse(fields[17], CultureInfo.InvariantCulture);
        var rss = long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        return new ProcessSample(DateTime.UtcNow, ticks / TicksPerSecond, rss, threads);
    }

    /// <summary>CPU used between two samples, in cores (1.0 = one core busy the whole time).</summary>
    public static double CoresBetween(ProcessSample from, ProcessSample to) =>
        (to.CpuSeconds - from.CpuSeconds) / Math.Max(1e-3, (to.TakenAt - from.TakenAt).TotalSeconds);
}
