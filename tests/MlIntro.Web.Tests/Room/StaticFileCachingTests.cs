using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Room;

/// <summary>
/// Issue 10 item 8: every static file came back "Cache-Control: no-cache", so each lesson page revalidated 2.2 MB per
/// visit, and /favicon.ico was a 404 on every page. In Production a page's CSS and JS are now fingerprinted URLs served
/// immutable for a year, plotly.js (loaded by Plotly.Blazor at a URL without a fingerprint but with its version in the
/// name) too, and the favicon exists.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed partial class StaticFileCachingTests : IDisposable
{
    private const int OneYear = 31_536_000;

    [GeneratedRegex("""<(?:link|script)[^>]*?(?:href|src)="([^"]+\.(?:css|js))"[^>]*>""")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"""(\./_content/Plotly\.Blazor/[^""]+\.js)"":")]
    private static partial Regex PlotlyImportMapKey();

    [GeneratedRegex(@"max-age=(\d+)")]
    private static partial Regex MaxAge();

    private readonly MlIntroAppFactory _app = new();
    private readonly HttpClient _client;

    /// <summary>The app (with a database of its own) in Production, where the cache headers matter.</summary>
    public StaticFileCachingTests() => _client = _app.WithWebHostBuilder(b => b.UseEnvironment("Production")).CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/jets")]
    [InlineData("/playground")]
    public async Task Page_Production_ItsCssJsAndPlotlyAreCachedForAYear(string path)
    {
        using var timeout = HubClient.Timeout();
        var html = await _client.GetStringAsync(new Uri(path, UriKind.Relative), timeout.Token);
        var urls = AssetReference().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(PlotlyImportMapKey().Matches(html).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var headers = new List<(string Url, int Status, string CacheControl, long Bytes)>();
        foreach (var url in urls)
        {
            using var response = await _client.GetAsync(new Uri(url.TrimStart('.', '/'), UriKind.Relative), timeout.Token);
            var bytes = (await response.Content.ReadAsByteArrayAsync(timeout.Token)).LongLength;
            headers.Add((url, (int)response.StatusCode, response.Headers.CacheControl?.ToString() ?? "(none)", bytes));
        }

        Assert.Contains(urls, u => u.Contains("MudBlazor.min", StringComparison.Ordinal));
        Assert.Contains(urls, u => Regex.IsMatch(u, @"/plotly-\d+\.\d+\.\d+\.min\.js$"));
        Assert.True(urls.Count >= 6, $"only {urls.Count} CSS/JS references found: {string.Join(", ", urls)}");
        Assert.All(headers, h =>
        {
            Assert.True(h.Status == 200 && h.Bytes > 0, $"{h.Url}: HTTP {h.Status}, {h.Bytes} bytes");
            Assert.Contains("immutable", h.CacheControl, StringComparison.Ordinal);
            Assert.True(int.Parse(MaxAge().Match(h.CacheControl).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= OneYear, $"{h.Url}: {h.CacheControl}");
        });
    }

    [Fact]
    public async Task FaviconIco_Production_IsAnIconAndPagesLinkAnSvgIcon()
    {
        using var timeout = HubClient.Timeout();

        using var icon = await _client.GetAsync(new Uri("/favicon.ico", UriKind.Relative), timeout.Token);
        var bytes = await icon.Content.ReadAsByteArrayAsync(timeout.Token);
        var html = await _client.GetStringAsync(new Uri("/optimizers", UriKind.Relative), timeout.Token);
        var svgHref = Regex.Match(html, @"<link rel=""icon"" href=""([^""]+\.svg)""").Groups[1].Value;
        using var svg = await _client.GetAsync(new Uri(svgHref, UriKind.Relative), timeout.Token);

        Assert.Equal(200, (int)icon.StatusCode);
        // An ICO file starts with reserved 0, type 1 (icon); then the image count.
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
        Assert.True(BitConverter.ToUInt16(bytes, 4) >= 1);
        Assert.NotEmpty(svgHref);
        Assert.Equal(200, (int)svg.StatusCode);
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync(timeout.Token)).TrimStart(), StringComparison.Ordinal);
    }
}
