namespace MlIntro.Web.Hosting;

/// <summary>
/// How often one client address may open connections and start runs (configuration section "RateLimits"). The defaults
/// leave room for a student with several tabs, reloads and reconnects, and stop a script that opens thousands.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for benchmarks and load tests (<c>RateLimits__Enabled=false</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>New connections to /hubs/training per client address and minute.</summary>
    public int HubConnectionsPerMinute { get; set; } = 60;

    /// <summary>New Blazor circuits (page connections, reconnects included) per client address and minute.</summary>
    public int CircuitsPerMinute { get; set; } = 60;

    /// <summary>Start calls through the hub per client address and minute.</summary>
    public int StartsPerMinute { get; set; } = 30;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public bool IsValid => HubConnectionsPerMinute > 0 && CircuitsPerMinute > 0 && StartsPerMinute > 0;
}
