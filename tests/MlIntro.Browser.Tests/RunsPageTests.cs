using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>/runs lists the runs this browser started and compares two of them.</summary>
[Collection("browser")]
public sealed class RunsPageTests(BrowserFixture fixture)
{
    private static async Task StudyAsync(IPage page, int trials)
    {
        await page.Locator("[data-testid=trials] input, input[data-testid=trials]").First.FillAsync(trials.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("10");
        await page.GetByTestId("data-label").ClickAsync();
        // The page still says "finished" about the previous study until the new one starts: wait for the new run's link.
        var previous = await page.GetByTestId("results-link").CountAsync() > 0 ? await page.GetByTestId("results-link").GetAttributeAsync("href") : null;
        await page.GetByTestId("start").ClickAsync();
        await page.WaitForFunctionAsync(
            "previous => { const a = document.querySelector('[data-testid=results-link]'); return a !== null && a.getAttribute('href') !== previous; }",
            previous, new() { Timeout = 60_000 });
        await page.Locator("[data-testid=status]:text('finished')").WaitForAsync(new() { Timeout = 120_000 });
        // The page remembers the run in localStorage after it renders the link; leaving before that would drop it.
        var id = (await page.GetByTestId("results-link").GetAttributeAsync("href"))!.Split('/')[^1];
        await page.WaitForFunctionAsync(
            "id => JSON.parse(localStorage.getItem('mlintro.runs') || '[]').some(r => r.id === id)",
            id, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Compare_TwoStudiesOfThisBrowser_OverlaysCurvesAndResourcesListsMetricsAndTheDifferingSetting()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/tuning");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await StudyAsync(page, trials: 4);
        await StudyAsync(page, trials: 3);

        await page.GotoAsync(fixture.App.BaseUrl + "/runs");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var boxes = page.Locator("[data-testid=runs-table] input[type=checkbox]");
        await boxes.First.WaitForAsync();
        var listed = await boxes.CountAsync();
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.GetByTestId("compare").ClickAsync();
        await page.Locator("#runs-curves .main-svg").First.WaitForAsync(new() { Timeout = 30_000 });
        var lines = await page.EvaluateAsync<int>("() => document.getElementById('runs-curves').data.length");
        await page.Locator("#runs-usage-cpu .main-svg").First.WaitForAsync(new() { Timeout = 30_000 });
        var cpuPoints = await page.EvaluateAsync<int[]>("() => document.getElementById('runs-usage-cpu').data.map(t => t.x.length)");
        var metricRows = await page.Locator("[data-testid=final-metrics] tbody tr").CountAsync();
        var diff = await page.Locator("[data-testid=definition-diff] tbody").InnerTextAsync();

        Assert.Equal(2, listed);
        Assert.Equal(2, lines);
        Assert.Equal(2, cpuPoints.Length);
        Assert.All(cpuPoints, n => Assert.True(n > 0, "each study's CPU share is drawn"));
        Assert.Equal(2, metricRows);
        Assert.Contains("study.trials", diff, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
