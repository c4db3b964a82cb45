using System.Diagnostics;
using System.Net;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 7: the README's <c>dotnet run --project src/MlIntro.Web</c> started in Development (its launch
/// profile), so errors showed stack traces and source paths. The real command, as a process: it starts in Production
/// and still serves plotly.js and the styles, with the security headers.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class DotnetRunTests
{

    [Fact]
    public async Task DotnetRun_ReadmeCommand_StartsInProductionAndServesTheAssets()
    {
        using var timeout = HubClient.Timeout(seconds: 180);
        using var database = new TestDatabase();
        var port = LocalMachine.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "run", "--project", "src/MlIntro.Web", "--no-build", "--", $"--urls=http://127.0.0.1:{port}" },
            WorkingDirectory = LocalMachine.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As a developer's shell would have it: no environment chosen.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ConnectionStrings__Experiments"] = database.ConnectionString;
        start.Environment["Training__ThreadsPerRun"] = "1";
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            while (!output.Any(l => l.Contains("MlIntro is running", StringComparison.Ordinal)) && !process.HasExited)
            {
                await Task.Delay(200, timeout.Token);
            }

            using var home = await client.GetAsync(new Uri("/", UriKind.Relative), timeout.Token);
            using var plotly = await client.GetAsync(new Uri("/_content/Plotly.Blazor/plotly-3.7.0.min.js", UriKind.Relative), timeout.Token);
            using var mud = await client.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative), timeout.Token);
            using var css = await client.GetAsync(new Uri("/app.css", UriKind.Relative), timeout.Token);

            Assert.Contains(output, l => l.Contains("Hosting environment: Production", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.True(home.Headers.Contains("Content-Security-Policy"));
            Assert.Equal(HttpStatusCode.OK, plotly.StatusCode);
            Assert.True((await plotly.Content.ReadAsByteArrayAsync(timeout.Token)).Length > 1_000_000, "plotly.js has its bytes");
            Assert.Equal(HttpStatusCode.OK, mud.StatusCode);
            Assert.Contains(".mud-", await mud.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
            Assert.Contains(".blazor-error-boundary", await css.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
