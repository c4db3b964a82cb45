using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>A host with just the app's store registration (<c>AddExperimentStore</c>) on one SQLite file, pooled like the app's, retention off.</summary>
internal static class StoreOnlyHost
{
    public static IHost Build(string databaseFile)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetDirectoryName(databaseFile) });
        // Without retention: these tests date their runs on fixed past days, which its first pass would delete.
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Experiments", $"Data Source={databaseFile}"), new("Retention:Enabled", "false")]);
        builder.Services.AddLogging();
        builder.AddExperimentStore();
        return builder.Build();
    }

    public static IExperimentStore Store(this IHost host) => host.Services.GetRequiredService<IExperimentStore>();
}

/// <summary>How the real app process ended when started on a given database file.</summary>
internal sealed record AppExit(int ExitCode, string Output, string Error);

/// <summary>Starts the built app (MlIntro.Web.dll beside the tests) as a child process and waits for it to exit by itself.</summary>
internal static class AppProcess
{
    /// <param name="withoutPermissionOverride">When the tests run as root, drop the capabilities that let root write
    /// anywhere (setpriv), so that file modes apply as they would to the service's own user.</param>
    public static async Task<AppExit> RunUntilExitAsync(string databaseFile, bool withoutPermissionOverride, CancellationToken cancellationToken)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "MlIntro.Web.dll");
        var start = withoutPermissionOverride && Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("setpriv", ["--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "--", "dotnet", app])
            : new ProcessStartInfo("dotnet", [app]);
        start.WorkingDirectory = AppContext.BaseDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ConnectionStrings__Experiments"] = $"Data Source={databaseFile}";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // It started serving instead of refusing: stop it, and let the test report what it printed.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new AppExit(-1, await output, await error);
        }

        return new AppExit(process.ExitCode, await output, await error);
    }
}
