using MlIntro.Web.Hubs;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Ends circuits and hub connections as soon as the app is asked to stop. Kestrel's graceful stop waits for every
/// request to finish, and a Blazor circuit's or hub client's WebSocket never finishes on its own: one open Playground
/// tab held SIGTERM for the host's whole shutdown timeout (30 s), after which the cancelled stop surfaced as a
/// TaskCanceledException and the store's last journal move was cut short. Aborting them when ApplicationStopping fires
/// (before the server and the hosted services stop) lets the browser show its reconnect banner at once and the stop
/// take a couple of seconds; training is then interrupted by <see cref="TrainingShutdown"/> as before.
/// </summary>
public sealed class LiveConnectionShutdown(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    private static readonly string[] LivePaths = [OriginCheck.CircuitPath, TrainingHub.Path];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!LivePaths.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }
        using var stopping = lifetime.ApplicationStopping.Register(context.Abort);
        await next(context);
    }
}

public static class LiveConnectionShutdownExtensions
{
    /// <summary>Before the circuit and hub endpoints.</summary>
    public static IApplicationBuilder UseLiveConnectionShutdown(this IApplicationBuilder app) => app.UseMiddleware<LiveConnectionShutdown>();
}
