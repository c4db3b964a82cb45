using System.Diagnostics;
using System.Globalization;
using MlIntro.Benchmarks.Load;

namespace MlIntro.Benchmarks.Cluster;

/// <summary>
/// CPU time of a shape's processes (and of this client) over a phase, from <c>/proc</c>: which process the time went
/// to. A process's direct children are counted with it (PostgreSQL's backends under its postmaster).
/// </summary>
internal sealed class CpuMeter
{
    private readonly IReadOnlyList<(string Name, int Pid)> _processes;
    private readonly Dictionary<string, double> _from;
    private readonly TimeSpan _clientFrom = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private CpuMeter(IReadOnlyList<(string Name, int Pid)> processes)
    {
        _processes = processes;
        _from = Read(processes);
    }

    public static CpuMeter Start(Shape shape) => new(shape.Processes);

    /// <summary>CPU seconds used so far by all of the shape's processes together (children included).</summary>
    public static double TotalSeconds(Shape shape) => Read(shape.Processes).Values.Sum();

    /// <summary>"front-a 0.12, worker-1 0.95, ... client 0.20 cores" since <see cref="Start"/>.</summary>
    public string Stop()
    {
        var to = Read(_processes);
        var seconds = Math.Max(1e-3, _clock.Elapsed.TotalSeconds);
        var client = (Process.GetCurrentProcess().TotalProcessorTime - _clientFrom).TotalSeconds / seconds;
        var parts = _processes.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Name} {(to.GetValueOrDefault(p.Name, double.NaN) - _from.GetValueOrDefault(p.Name, double.NaN)) / seconds:F2}"));
        return string.Join(", ", parts) + string.Create(CultureInfo.InvariantCulture, $", bench client {client:F2} cores over {seconds:F1} s");
    }

    private static Dictionary<string, double> Read(IReadOnlyList<(string Name, int Pid)> processes)
    {
        var children = ChildrenByParent();
        var result = new Dictionary<string, double>();
        foreach (var (name, pid) in processes)
        {
            result[name] = CpuSeconds(pid) + children.GetValueOrDefault(pid, []).Sum(CpuSeconds);
        }
        return result;
    }

    private static double CpuSeconds(int pid)
    {
        try
        {
            return ProcessSample.Read(pid).CpuSeconds;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0; // gone between listing and reading (a PostgreSQL backend that ended)
        }
    }

    private static Dictionary<int, List<int>> ChildrenByParent()
    {
        var map = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture); // field 4, ppid
                if (!map.TryGetValue(parent, out var list))
                {
                    map[parent] = list = [];
                }
                list.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // ended meanwhile
            }
        }
        return map;
    }
}
