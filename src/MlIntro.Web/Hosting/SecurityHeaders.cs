using System.Security.Cryptography;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Response headers for a server on the open network (outside Development): no MIME sniffing, no framing by other
/// sites, no referrer beyond the origin, and a Content Security Policy that runs only this server's own scripts.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "MlIntro.CspNonce";

    /// <summary>
    /// What the pages need: scripts from this origin (Blazor, MudBlazor, plotly.js, the lessons' modules) plus the one
    /// inline script Blazor writes, its import map, which carries this response's nonce; inline styles, which
    /// MudBlazor's markup and plotly.js's generated style rules use; images from data: URIs (plotly.js, the
    /// Playground's canvases); the circuit's WebSocket on this origin ('self' covers ws: and wss: here).
    /// </summary>
    public static string Policy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    /// <summary>This response's nonce for inline scripts; null where no policy is sent (Development).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Hex, not base64: Razor HTML-encodes '+' and '/' in the attribute, so the page's text would differ from the header's.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // Set as the response starts: the exception handler clears headers set earlier when it shows the error page.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = Policy(nonce);
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
