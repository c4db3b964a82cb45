using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests;

/// <summary>
/// Issue 10 item 8: every static file was served no-cache, so each visit to a lesson page revalidated about 2.2 MB.
/// With the app in Production, a second visit to a page must take every script and stylesheet (MudBlazor, Blazor,
/// plotly.js, the app's own) from the browser's cache: the Resource Timing API reports a transfer size of 0 for them.
/// </summary>
[Collection(ProductionBrowserGroup.Name)]
public sealed class SecondVisitTests(ProductionBrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Every script and stylesheet the page loaded: URL, bytes over the network (0 from cache), body size.</summary>
    private const string Resources = """
        () => JSON.stringify(performance.getEntriesByType('resource')
            .filter(e => /\.(js|css)(\?|$)/.test(new URL(e.name).pathname))
            .map(e => ({ url: new URL(e.name).pathname, transferred: e.transferSize, body: e.decodedBodySize })))
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task JetsPage_SecondVisit_TakesEveryScriptAndStylesheetFromTheCache()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var first = await VisitAsync(page);

        var second = await VisitAsync(page);
        output.WriteLine($"first visit: {first.Count} scripts and stylesheets, {first.Sum(r => r.Transferred):N0} bytes transferred ({first.Sum(r => r.Body):N0} decoded)");
        output.WriteLine($"second visit: {second.Sum(r => r.Transferred):N0} bytes transferred");
        second.Where(r => r.Transferred > 0).ToList().ForEach(r => output.WriteLine($"  not cached: {r.Url} {r.Transferred} bytes"));

        Assert.Contains(first, r => r.Url.Contains("/plotly-", StringComparison.Ordinal) && r.Transferred > 1_000_000);
        Assert.Contains(second, r => r.Url.Contains("/plotly-", StringComparison.Ordinal));
        Assert.True(second.Count >= 6, $"only {second.Count} scripts and stylesheets on the second visit");
        Assert.All(second, r => Assert.True(r.Transferred == 0, $"{r.Url}: {r.Transferred} bytes transferred on the second visit"));
        await context.CloseAsync();
    }

    private async Task<List<Resource>> VisitAsync(IPage page)
    {
        await page.GotoAsync(fixture.App.BaseUrl + "/jets");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#jets-loss .main-svg").First.WaitForAsync();
        var json = await page.EvaluateAsync<string>(Resources);
        return JsonSerializer.Deserialize<List<Resource>>(json, Json) ?? [];
    }

    private sealed record Resource(string Url, double Transferred, double Body);
}
