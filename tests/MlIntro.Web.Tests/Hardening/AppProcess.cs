using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace MlIntro.Web.Tests.Hardening;

/// <summary>
/// The built web app as a real child process (<c>dotnet MlIntro.Web.dll</c>), as a server runs it: its own SQLite file
/// in a temp folder, a free loopback port, rate limits off (tests connect faster than a room of students).
/// Disposing kills it if it is still running and removes the folder.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private AppProcess(Process process, string folder, Uri address)
    {
        _process = process;
        Folder = folder;
        Address = address;
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "mlintro.db");

    public Uri Address { get; }

    public int Id => _process.Id;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>Starts the app and waits until /health answers; <paramref name="settings"/> are extra configuration keys.</summary>
    public static async Task<AppProcess> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mlintro-process-" + Guid.NewGuid().ToString("N"))).FullName;
        var dll = BuiltAppPath();
        var address = new Uri($"http://127.0.0.1:{Infrastructure.LocalMachine.FreePort()}");
        var start = new ProcessStartInfo(DotnetHost(), [dll, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Experiments"] = $"Data Source={Path.Combine(folder, "mlintro.db")}";
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Training__MaxRunsPerAddress"] = "100";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, folder, address);
        process.OutputDataReceived += (_, e) => app.Append(app._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(app._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync(cancellationToken);
        return app;
    }

    /// <summary>A started hub client on the app's real port (WebSockets), speaking the app's JSON conventions.</summary>
    public Task<HubConnection> ConnectAsync(CancellationToken cancellationToken) => Infrastructure.HubClient.ConnectAsync(Address, cancellationToken);

    /// <summary>Sends SIGTERM, as systemd, Docker and Ctrl+C's cousin <c>kill</c> do (<see cref="Process.Kill()"/> would be SIGKILL).</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        await kill.WaitForExitAsync(cancellationToken);
    }

    /// <summary>The exit code, once the process has ended (and its output has been read to the end).</summary>
    public async Task<int> ExitCodeAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>
    /// src/MlIntro.Web's build output for this test build's configuration and framework (tests/MlIntro.Web.Tests/bin/X/Y
    /// → src/MlIntro.Web/bin/X/Y): the solution build makes both.
    /// </summary>
    internal static string BuiltAppPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var dll = Path.Combine(Infrastructure.LocalMachine.RepositoryRoot(), "src", "MlIntro.Web", "bin", configuration, framework, "MlIntro.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first");
        return dll;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the app exited at start ({_process.ExitCode}): {Stderr}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // not listening yet, or busy starting
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            log.AppendLine(line);
        }
    }

    private string Read(StringBuilder log)
    {
        lock (_gate)
        {
            return log.ToString();
        }
    }
}
