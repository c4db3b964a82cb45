using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MlIntro.Web.Hubs;

namespace MlIntro.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting per client address for new hub connections and new Blazor circuits (Start calls are
/// limited by <see cref="StartRateLimit"/>: hub invocations travel inside a connection, unseen by the middleware).
/// </summary>
public static class RateLimitRegistration
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddValidated<RateLimitOptions>(RateLimitOptions.Section, o => o.IsValid, "RateLimits: every per-minute limit must be positive.")
            .AddSingleton<RejectionLog>().AddSingleton<StartRateLimit>().AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.GlobalLimiter = ConnectionLimiter(limits.Value);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RefuseAsync;
        });
        return builder;
    }

    /// <summary>The limiter runs only when enabled, so that disabling it costs nothing per request.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }
        return app;
    }

    /// <summary>
    /// One permit per new connection: a negotiate request, or a connect without a negotiated id (a WebSocket that
    /// skips negotiation). Requests of an open connection (long polls, sends, the negotiated WebSocket) carry an id.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> ConnectionLimiter(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => OpensConnection(context) switch
        {
            Door.Hub => Window("hub|" + ClientAddress.Of(context), limits.HubConnectionsPerMinute),
            Door.Circuit => Window("circuit|" + ClientAddress.Of(context), limits.CircuitsPerMinute),
            _ => RateLimitPartition.GetNoLimiter(""),
        });

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = RateLimitOptions.Window,
            QueueLimit = 0,
        });

    private static Door OpensConnection(HttpContext context)
    {
        var request = context.Request;
        foreach (var (door, path) in new[] { (Door.Hub, TrainingHub.Path), (Door.Circuit, OriginCheck.CircuitPath) })
        {
            if (request.Path.StartsWithSegments(path, out var rest)
                && (rest == "/negotiate" || (!rest.HasValue && !request.Query.ContainsKey("id"))))
            {
                return door;
            }
        }
        return Door.None;
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = RetryAfterSeconds(rejected.Lease);
        var door = OpensConnection(context);
        var message = door == Door.Hub
            ? $"Too many connections to the training hub from your address; wait {seconds} seconds."
            : $"Too many page connections from your address; wait {seconds} seconds and reload the page.";
        context.RequestServices.GetRequiredService<RejectionLog>().Refused(
            door == Door.Hub ? "Hub connection" : "Page connection", ClientAddress.Of(context), message);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, cancellationToken);
    }

    /// <summary>Whole seconds until the window renews (at least 1), from the refused lease.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)RateLimitOptions.Window.TotalSeconds;
    }

    private enum Door
    {
        None,
        Hub,
        Circuit,
    }
}
