using Microsoft.Playwright;

namespace MlIntro.Browser.Tests.Runs;

/// <summary>
/// Issue 13 item 5 on /runs: a run of several models (an optimizer race) compared with a Playground run, without axe
/// problems or a page wider than the window at a laptop's and a phone's size.
/// </summary>
[Collection("browser")]
public sealed class RunsMultiModelTests(BrowserFixture fixture)
{
    private const int SlideRacers = 7;

    /// <summary>The id of the run <paramref name="page"/> links to, once this browser has remembered it.</summary>
    private static async Task<string> RememberedAsync(IPage page)
    {
        var link = page.GetByTestId("results-link");
        await link.WaitForAsync();
        var id = (await link.GetAttributeAsync("href"))!.Split('/')[^1];
        await page.WaitForFunctionAsync("id => JSON.parse(localStorage.getItem('mlintro.runs') || '[]').some(r => r.id === id)", id);
        return id;
    }

    private static async Task InteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task Compare_OptimizerRaceAndPlaygroundRun_OverlaysEachOptimizerAndThePlaygroundRunByName()
    {
        var page = await fixture.NewPageAsync();
        await InteractiveAsync(page, fixture.App.BaseUrl + "/playground?dataset=circle&seed=2");
        await page.GetByTestId("play").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=epoch]').textContent.replace(/,/g, '')) >= 20");
        await page.GetByTestId("play").ClickAsync(); // pause: the run keeps its epochs in the store
        var playground = await RememberedAsync(page);
        await InteractiveAsync(page, fixture.App.BaseUrl + "/optimizers");
        await page.Locator("#optimizers-contour .main-svg").First.WaitForAsync();
        await page.GetByTestId("play").ClickAsync();
        // Leaving the page stops its race: let the racers take some steps first (trace 0 is the contour, 1 a racer's trail).
        await page.WaitForFunctionAsync("() => (document.getElementById('optimizers-contour').data[1].x || []).length >= 20");
        var race = await RememberedAsync(page);

        await InteractiveAsync(page, fixture.App.BaseUrl + "/runs");
        var boxes = page.Locator("[data-testid=runs-table] input[type=checkbox]");
        await boxes.Nth(1).WaitForAsync();
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.GetByTestId("compare").ClickAsync();
        await page.Locator("#runs-curves .main-svg").First.WaitForAsync();
        var names = await page.EvaluateAsync<string[]>("() => document.getElementById('runs-curves').data.map(t => t.name)");
        var points = await page.EvaluateAsync<int[]>("() => document.getElementById('runs-curves').data.map(t => t.x.length)");
        var legend = await page.Locator("#runs-curves .legendtext").AllTextContentsAsync();
        await BrowserFixture.ScreenshotAsync(page, "runs-race-and-playground");
        var metricRows = await page.Locator("[data-testid=final-metrics] tbody tr").CountAsync();
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (1280, 720), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            problems.AddRange((await AccessibilityAndLayoutTests.ViolationsAsync(page)).Select(p => $"{width}x{height}: {p}"));
            if (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") is > 0 and var overflow)
            {
                problems.Add($"{width}x{height}: the page is {overflow} px wider than the window");
            }
        }

        // The slide's race: seven optimizers, Adam 0.05 among them (as the optimizers page's own test reads its legend).
        Assert.Equal(SlideRacers + 1, names.Length);
        Assert.All(names[..SlideRacers], n => Assert.StartsWith($"{race} · ", n, StringComparison.Ordinal));
        Assert.Equal(playground, names[^1]);
        Assert.All(points, n => Assert.True(n > 0, "every line has points"));
        Assert.Contains($"{race} · Adam 0.05", legend);
        Assert.Contains(playground, legend);
        Assert.Equal(SlideRacers + 1, metricRows);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.CloseAsync();
    }
}
