using Microsoft.Extensions.Options;
using MlIntro.Web.Hubs;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Refuses hub and circuit requests that a page of another origin makes (HTTP 403). Browsers send an Origin header
/// with WebSockets but apply no CORS to them, so without this check any page a student opens could drive this server.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptions<HubOriginOptions> options, RejectionLog log)
{
    /// <summary>Where Blazor's circuits connect.</summary>
    public const string CircuitPath = "/_blazor";

    private static readonly string[] GuardedPaths = [TrainingHub.Path, CircuitPath];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Headers.Origin is { Count: > 0 } header
            && GuardedPaths.Any(p => request.Path.StartsWithSegments(p))
            && !Allowed(header.ToString(), request))
        {
            var message = $"Connections from pages of {header} are not allowed; open this server's own pages (an administrator can allow more origins with Hub:AllowedOrigins).";
            log.Refused("Connection from another origin", ClientAddress.Of(context), message);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message, context.RequestAborted);
            return;
        }
        await next(context);
    }

    private bool Allowed(string origin, HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.Value.AllowedOrigins.Any(a => a == "*" || string.Equals(origin, a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
