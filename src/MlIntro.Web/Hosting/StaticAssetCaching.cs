using System.Text.RegularExpressions;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Lets browsers keep static files between visits. Fingerprinted URLs (<c>@Assets["..."]</c> and the import map) are
/// served immutable by MapStaticAssets once its hot-reload mode is off (ReloadStaticAssetsAtRuntime=false in
/// appsettings.json; the build output otherwise serves everything no-cache). Plotly.Blazor loads plotly.js (4.6 MB)
/// by a script element at a URL without a fingerprint, but its file name carries the package's version, so a new
/// version is a new URL: those package files are marked immutable too.
/// </summary>
public static partial class StaticAssetCaching
{
    /// <summary>A year, the longest max-age browsers honour.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>A package's file whose name ends in its version, e.g. _content/Plotly.Blazor/plotly-3.7.0.min.js.</summary>
    [GeneratedRegex(@"^/?_content/[^/]+/[^/]*-\d+\.\d+\.\d+(\.min)?\.js$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedPackageFile();

    /// <summary>MapStaticAssets, with versioned package files cached like fingerprinted ones.</summary>
    public static IEndpointConventionBuilder MapCachedStaticAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.MapStaticAssets();
        assets.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route, RequestDelegate: { } inner }
                && VersionedPackageFile().IsMatch(route))
            {
                endpoint.RequestDelegate = context =>
                {
                    // After the endpoint has set its own headers, before any byte is sent.
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = Immutable;
                        return Task.CompletedTask;
                    });
                    return inner(context);
                };
            }
        });
        return assets;
    }
}
