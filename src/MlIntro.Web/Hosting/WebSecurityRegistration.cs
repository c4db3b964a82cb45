using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MlIntro.Web.Hosting;

/// <summary>The web basics of a public server: origin check, security headers, HSTS, proxies, circuit retention.</summary>
public static class WebSecurityRegistration
{
    public static IHostApplicationBuilder AddWebSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddValidated<HubOriginOptions>(HubOriginOptions.Section, o => o.IsValid,
                "Hub:AllowedOrigins: each entry must be an origin such as https://lab.example.org, or *.")
            .AddValidated<ProxyOptions>(ProxyOptions.Section, o => o.IsValid,
                "Proxy: KnownProxies must be IP addresses and KnownNetworks CIDR ranges such as 10.0.0.0/8.");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) => proxy.Value.ApplyTo(o));
        // A circuit kept for a reconnect holds about 1.7 MB: keep fewer for a shorter time than the defaults (100 for
        // 3 minutes) unless configured otherwise; a student's tab that reconnects within a minute keeps its state.
        builder.Services.AddOptions<CircuitOptions>()
            .Configure(o => (o.DisconnectedCircuitMaxRetained, o.DisconnectedCircuitRetentionPeriod) = (50, TimeSpan.FromMinutes(1)))
            .BindConfiguration("Circuits");
        return builder;
    }

    /// <summary>Before everything that reads the client's address or scheme, and before the hub and circuit endpoints.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseMiddleware<SecurityHeaders>();
        }
        app.UseMiddleware<OriginCheck>();
        return app;
    }
}
