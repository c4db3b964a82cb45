using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

[Collection("browser")]
public sealed class LikelihoodPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Train_DefaultGaussians_DrawsLearnedRatioBesideExactRatioAndShowsEss()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/likelihood");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var label = await page.GetByTestId("data-label").InnerTextAsync();

        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("8");
        await page.GetByTestId("train").ClickAsync();
        // The reweighting panel (with its ESS) comes with the final frame; a loaded 2-core machine may take a minute.
        await page.GetByTestId("ess").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("#likelihood-ratio .main-svg").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "likelihood-gaussians");
        var traces = await page.EvaluateAsync<TraceData[]>(
            "() => document.getElementById('likelihood-ratio').data.map(t => ({ name: t.name, x: t.x, y: t.y }))");
        var yType = await page.EvaluateAsync<string>("() => document.getElementById('likelihood-ratio').layout.yaxis.type");
        var ess = await page.GetByTestId("ess").InnerTextAsync();
        var rocLegends = await page.Locator("#likelihood-roc ~ [data-testid=roc-legend] li, [data-testid=roc-legend] li").AllInnerTextsAsync();

        Assert.Contains("N(0, 1)", label, StringComparison.Ordinal);
        Assert.Contains("N(1, 1)", label, StringComparison.Ordinal);
        var exact = Assert.Single(traces, t => t.Name.StartsWith("exact", StringComparison.Ordinal));
        var learned = Assert.Single(traces, t => t.Name.StartsWith("learned", StringComparison.Ordinal));
        Assert.Equal(exact.X, learned.X);
        Assert.Equal("log", yType);
        // Exact r = exp(x − ½) for N(0, 1) against N(1, 1), independently of the page.
        for (var i = 0; i < exact.X.Length; i++)
        {
            Assert.Equal(Math.Exp(exact.X[i] - 0.5), exact.Y[i], 1e-6 * exact.Y[i]);
        }
        var middle = Array.FindIndex(learned.X, x => x >= 0.5);
        Assert.InRange(learned.Y[middle], 0.8, 1.25);
        Assert.Contains("20,000 before", ess, StringComparison.Ordinal);
        Assert.Contains(rocLegends, l => l.StartsWith("exact ratio", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task ForkOfARun_SharedPageDrawsTheRatioAndTheForkKeepsTheSettings()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/likelihood");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("3");
        await page.GetByTestId("train").ClickAsync();
        await page.GetByTestId("ess").WaitForAsync(new() { Timeout = 120_000 });
        var link = (await page.GetByTestId("results-link").GetAttributeAsync("href"))!;

        var shared = await fixture.NewPageAsync();
        await shared.GotoAsync(fixture.App.BaseUrl + link);
        await shared.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await shared.Locator("#experiment-likelihood-ratio .main-svg").First.WaitForAsync(new() { Timeout = 60_000 });
        var sharedLabel = await shared.Locator(".data-label").InnerTextAsync();
        await shared.Locator(".fork-button").ClickAsync();
        await shared.WaitForURLAsync("**/likelihood?**");
        await shared.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var epochs = await shared.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.InputValueAsync();

        Assert.StartsWith("/e/", link, StringComparison.Ordinal);
        Assert.Contains("p0 = N(0, 1)", sharedLabel, StringComparison.Ordinal);
        Assert.Equal("3", epochs);
        await page.CloseAsync();
        await shared.CloseAsync();
    }

    /// <summary>A plotly trace as the browser holds it (Playwright needs settable properties).</summary>
    private sealed class TraceData
    {
        public string Name { get; set; } = "";

        public double[] X { get; set; } = [];

        public double[] Y { get; set; } = [];
    }
}
