namespace MlIntro.Web.Hosting;

/// <summary>
/// Gives every browser a first-party <see cref="ClientIdentity.CookieName"/> cookie (HttpOnly, SameSite=Lax, a year)
/// when it has none, and adds the owner it names to the request's user. Blazor creates a circuit with the user of its
/// /_blazor connection, which the browser opens with this cookie, so a page's runs belong to the browser, not the tab.
/// </summary>
public sealed class ClientIdentityMiddleware(RequestDelegate next)
{
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.Request.Cookies[ClientIdentity.CookieName];
        if (!ClientIdentity.IsToken(token))
        {
            token = ClientIdentity.NewToken();
            context.Response.Cookies.Append(ClientIdentity.CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                MaxAge = CookieLifetime,
                Path = "/",
            });
        }
        context.User.AddIdentity(ClientIdentity.Claims(ClientIdentity.OwnerIdOf(token), ClientIdentity.AddressOf(context.Connection.RemoteIpAddress)));
        return next(context);
    }
}

public static class ClientIdentityMiddlewareExtensions
{
    /// <summary>Before the endpoints: pages and the Blazor hub must see the cookie's owner.</summary>
    public static IApplicationBuilder UseClientIdentity(this IApplicationBuilder app) => app.UseMiddleware<ClientIdentityMiddleware>();
}
