using System.Diagnostics;
using System.Globalization;
using MlIntro.Benchmarks.Load;

namespace MlIntro.Benchmarks.Cluster;

/// <summary>
/// One way of running MlIntro, reached only through its hub: where a client starts runs (<see cref="StartFront"/>),
/// where a second client watches them (<see cref="WatchFront"/>), and the processes whose CPU is worth reading.
/// </summary>
internal abstract class Shape : IAsyncDisposable
{
    /// <summary>What every app process of both shapes gets on top of its own settings: one machine plays a room.</summary>
    public static readonly IReadOnlyDictionary<string, string> CommonSettings = new Dictionary<string, string>
    {
        ["RateLimits__Enabled"] = "false",
        ["Training__MaxRunsPerAddress"] = "1000",
        // The latency probe starts 45 runs back to back on one connection (one owner), each read to its Finished event.
        // A cluster front end counts the owner's unfinished runs in the shared store, where a run's end lands up to a
        // recorder flush later than its watchers see it: at the default of 4, the fifth Start in a row is refused.
        ["Training__MaxRunsPerOwner"] = "1000",
        // cluster-local.sh sets cpu for its apps; the embedded default would be auto (also cpu here, but say it).
        ["Training__Device"] = "cpu",
        // The Jets benchmark's 830,000 toy jets; the hub's default cap is 50,000 points per run.
        ["Limits__MaxPoints"] = "1000000",
    };

    public abstract string Name { get; }

    public abstract Uri StartFront { get; }

    public abstract Uri WatchFront { get; }

    /// <summary>Name → pid of each process of the shape (PostgreSQL as its postmaster; its backends are summed in).</summary>
    public abstract IReadOnlyList<(string Name, int Pid)> Processes { get; }

    /// <summary>Copies the shape's logs to <paramref name="folder"/> before it is stopped (<c>MLINTRO_CLUSTER_BENCH_LOGS</c>).</summary>
    public abstract void CopyLogs(string folder);

    public abstract ValueTask DisposeAsync();

    /// <summary>The web app built in this benchmark's configuration, as <see cref="ServerProcess"/> finds it.</summary>
    public static string WebAppDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var candidate = Path.Combine(RepositoryRoot(), "src", "MlIntro.Web", "bin", configuration, "net10.0", "MlIntro.Web.dll");
        return File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException($"{candidate} not found; build src/MlIntro.Web -c {configuration} first.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "cluster-local.sh")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("scripts/cluster-local.sh not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The app alone, as one tutorial server runs it: <c>dotnet MlIntro.Web.dll</c> with SQLite in a temp folder.</summary>
internal sealed class EmbeddedShape : Shape
{
    private readonly ServerProcess _server;

    private EmbeddedShape(ServerProcess server) => _server = server;

    public static async Task<EmbeddedShape> StartAsync(CancellationToken cancellationToken) =>
        new(await ServerProcess.StartAsync(CommonSettings, cancellationToken));

    public override string Name => "embedded";

    public override Uri StartFront => _server.Address;

    public override Uri WatchFront => _server.Address;

    public override IReadOnlyList<(string Name, int Pid)> Processes => [("app", _server.Pid)];

    public override void CopyLogs(string folder) => File.Copy(_server.LogPath, Path.Combine(folder, "embedded.log"), overwrite: true);

    public override ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>
/// <c>scripts/cluster-local.sh start DIR 1</c>: PostgreSQL, Redis, front-a, front-b and one worker, each its own
/// process on loopback; <c>stop DIR</c> when disposed (also when the start failed half-way: the script then has
/// already cleaned up, and stop is a no-op).
/// </summary>
internal sealed class LocalClusterShape : Shape
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _lines;

    private LocalClusterShape(string folder, Dictionary<string, string> lines) => (_folder, _lines) = (folder, lines);

    public static async Task<LocalClusterShape> StartAsync(int workers, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlintro-cluster-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = await ScriptAsync(cancellationToken, "start", folder, workers.ToString(CultureInfo.InvariantCulture));
            if (code != 0)
            {
                throw new InvalidOperationException($"cluster-local.sh start failed ({code}):\n{error}");
            }
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim());
            return new LocalClusterShape(folder, lines);
        }
        catch
        {
            await StopAsync(folder);
            throw;
        }
    }

    public override string Name => "cluster";

    public override Uri StartFront => new(_lines["front-a"]);

    public override Uri WatchFront => new(_lines["front-b"]);

    public IReadOnlyDictionary<string, string> Lines => _lines;

    public override IReadOnlyList<(string Name, int Pid)> Processes
    {
        get
        {
            var apps = _lines.Keys.Where(k => k.StartsWith("front-", StringComparison.Ordinal) || k.StartsWith("worker-", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(k => (k, ReadPid(Path.Combine(_folder, k + ".pid"))))
                .ToList();
            // PostgreSQL writes its postmaster's pid as the first line of postmaster.pid; Redis its own pid file.
            apps.Add(("postgres", ReadPid(Path.Combine(_folder, "postgres", "data", "postmaster.pid"))));
            apps.Add(("redis", ReadPid(Path.Combine(_folder, "redis", "redis.pid"))));
            return [.. apps.Where(a => a.Item2 > 0)];
        }
    }

    public override void CopyLogs(string folder)
    {
        foreach (var log in Directory.EnumerateFiles(_folder, "*.log"))
        {
            File.Copy(log, Path.Combine(folder, "cluster-" + Path.GetFileName(log)), overwrite: true);
        }
    }

    public override async ValueTask DisposeAsync() => await StopAsync(_folder);

    private static async Task StopAsync(string folder)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (code, _, error) = await ScriptAsync(timeout.Token, "stop", folder);
        if (code != 0)
        {
            Console.Error.WriteLine($"cluster-local.sh stop {folder} failed ({code}): {error}");
        }
    }

    private static int ReadPid(string file)
    {
        try
        {
            return int.Parse(File.ReadLines(file).First().Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static async Task<(int Code, string Output, string Error)> ScriptAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "cluster-local.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MLINTRO_APP_DLL"] = WebAppDll();
        // A loaded 2-core machine starts five dotnet processes slowly; the script's default is 120 s.
        start.Environment["MLINTRO_START_TIMEOUT"] = "300";
        foreach (var (key, value) in CommonSettings)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
