using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Web.Tests.Hardening;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Cluster;

/// <summary>
/// The cluster's shape as real processes, started by <c>scripts/cluster-local.sh</c> as an operator would: PostgreSQL
/// and Redis from Debian's packages, two front ends and <paramref name="workers"/> workers on loopback ports.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly string _folder;

    private LocalCluster(string folder, IReadOnlyDictionary<string, string> lines) => (_folder, Lines) = (folder, lines);

    /// <summary>The script's output: front-a, front-b, worker-N → URL; postgres → connection string.</summary>
    public IReadOnlyDictionary<string, string> Lines { get; }

    public Uri FrontA => new(Lines["front-a"]);

    public Uri FrontB => new(Lines["front-b"]);

    public IReadOnlyList<string> Workers => [.. Lines.Keys.Where(k => k.StartsWith("worker-", StringComparison.Ordinal)).Order()];

    public static async Task<LocalCluster> StartAsync(int workers, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlintro-cluster-" + Guid.NewGuid().ToString("N"));
        var (code, output, error) = await ScriptAsync(cancellationToken, "start", folder, workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, $"cluster-local.sh start failed ({code}): {error}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
        return new LocalCluster(folder, lines);
    }

    public static Task<HubConnection> ConnectAsync(Uri front, CancellationToken cancellationToken) => HubClient.ConnectAsync(front, cancellationToken);

    public int Pid(string name) => int.Parse(File.ReadAllText(Path.Combine(_folder, name + ".pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public string Log(string name) => File.ReadAllText(Path.Combine(_folder, name + ".log"));

    /// <summary>kill -9: the process gets no chance to say goodbye to the cluster.</summary>
    public void Kill(string name) => Process.GetProcessById(Pid(name)).Kill();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await ScriptAsync(timeout.Token, "stop", _folder);
    }

    private static async Task<(int Code, string Output, string Error)> ScriptAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(LocalMachine.RepositoryRoot(), "scripts", "cluster-local.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MLINTRO_APP_DLL"] = AppProcess.BuiltAppPath();
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Training__ThreadsPerRun"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
