using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MlIntro.Browser.Tests;

/// <summary>The real app on real Kestrel (a random loopback port) over a temporary SQLite file.</summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mlintro-browser-").FullName;
    private readonly string _environment;

    /// <param name="environment">Development as under the tests' usual factory; Production turns on the security headers.</param>
    public AppServer(string environment = "Development")
    {
        _environment = environment;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Experiments", $"Data Source={Path.Combine(_folder, "mlintro.db")}");
        builder.UseSetting("Training:ThreadsPerRun", "1");
        // Every test's pages come from 127.0.0.1: far more circuits per minute than one student opens.
        builder.UseSetting("RateLimits:Enabled", "false");
        // Open Blazor circuits would hold a graceful shutdown for its whole default timeout.
        builder.UseShutdownTimeout(TimeSpan.FromSeconds(3));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS
        }
    }
}
