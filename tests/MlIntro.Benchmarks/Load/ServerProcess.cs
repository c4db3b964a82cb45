using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlIntro.Benchmarks.Load;

/// <summary>
/// The built web app as a child process, as a tutorial server runs it (<c>dotnet MlIntro.Web.dll</c>, Production), on a
/// free loopback port with a temporary SQLite file; its console output goes to a log file kept for evidence.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, string directory, StreamWriter log, Uri address)
    {
        _process = process;
        _directory = directory;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public string LogPath => Path.Combine(_directory, "server.log");

    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var dll = WebAppDll();
        var directory = Directory.CreateTempSubdirectory("mlintro-load-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Experiments"] = $"Data Source={Path.Combine(directory, "experiments.db")}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var log = new StreamWriter(Path.Combine(directory, "server.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, directory, log, address);
        await server.WaitUntilHealthyAsync(cancellationToken);
        return server;
    }

    /// <summary>Lines of the server's log that are warnings or worse (what a dropped connection would leave behind).</summary>
    public IReadOnlyList<string> Complaints() =>
        File.ReadLines(LogPath).Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)
            || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();

    /// <summary>Stops the server as a service manager would (SIGTERM, then a bounded wait) and removes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
        if (Environment.GetEnvironmentVariable("MLINTRO_LOAD_KEEP") is null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} at start; see {LogPath}.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The server did not answer /health within 90 s; see {LogPath}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web app built in this benchmark's configuration (the project reference builds it alongside).</summary>
    private static string WebAppDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MlIntro.Web", "bin", configuration, "net10.0", "MlIntro.Web.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"src/MlIntro.Web/bin/{configuration}/net10.0/MlIntro.Web.dll not found above {AppContext.BaseDirectory}; build first.");
    }
}
