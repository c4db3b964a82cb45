using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests.Trees;

/// <summary>Issue 15 on /tuning: a study over the boosted trees' settings, started from the page's controls.</summary>
[Collection("browser")]
public sealed class TuningTreesTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task StartStudy_BoostedTreesModel_DrawsTheTreeSettingsInParallelCoordinatesWithoutAxeProblems()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(fixture.App.BaseUrl + "/tuning");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("model-choice").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Boosted decision trees (LightGBM)", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("search-leaves").WaitForAsync();
        await page.Locator("[data-testid=trials] input, input[data-testid=trials]").First.FillAsync("6");
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("20");
        await page.GetByTestId("data-label").ClickAsync(); // leave the field: the value is taken on change

        await page.GetByTestId("start").ClickAsync();
        await page.Locator("[data-testid=status]:text('finished')").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("[data-testid=parallel-coordinates][data-trials='6'] .main-svg").First.WaitForAsync(new() { Timeout = 30_000 });
        var labels = await page.EvaluateAsync<string[]>("() => document.getElementById('tuning-parcoords').data[0].dimensions.map(d => d.label)");
        var rows = await page.Locator("[data-testid=trials-table] tbody tr").CountAsync();
        var problems = await AccessibilityAndLayoutTests.ViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "tuning-trees-study");
        output.WriteLine(string.Join(" | ", labels));
        problems.ForEach(output.WriteLine);

        Assert.Contains(labels, l => l.Contains("tree_leaves", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("tree_min_events_per_leaf", StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains("neurons", StringComparison.Ordinal));
        Assert.Equal(6, rows);
        Assert.Empty(problems);
        await context.CloseAsync();
    }
}
