using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests;

/// <summary>
/// Every page this work changed, at a laptop and a phone size: no critical or serious axe-core violation, and nothing
/// wider than the window (the page itself never scrolls sideways; wide content scrolls in its own box).
/// </summary>
[Collection("browser")]
public sealed class AccessibilityAndLayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string AxeScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js"));

    public static TheoryData<string, int, int> Pages()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { "/", "/playground", "/optimizers", "/evaluation", "/jets" })
        {
            data.Add(path, 1280, 720);
            data.Add(path, 390, 844);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtThisSize_HasNoCriticalOrSeriousViolationsAndNoSidewaysScroll(string path, int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(fixture.App.BaseUrl + path);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var problems = await ViolationsAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await BrowserFixture.ScreenshotAsync(page, $"layout{path.Replace('/', '-')}-{width}x{height}");
        problems.ForEach(output.WriteLine);

        Assert.Empty(problems);
        Assert.True(overflow <= 0, $"{path} at {width}x{height} is {overflow} px wider than the window");
        await context.CloseAsync();
    }

    [Fact]
    public async Task SharedExperimentPage_OfAPlaygroundRun_HasNoCriticalOrSeriousViolations()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=3&seed=2");
        await page.GetByTestId("step").ClickAsync();
        var link = await page.GetByTestId("results-link").GetAttributeAsync("href");
        await page.GotoAsync(fixture.App.BaseUrl + link);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var problems = await ViolationsAsync(page);
        problems.ForEach(output.WriteLine);

        Assert.Empty(problems);
        await page.CloseAsync();
    }

    /// <summary>axe-core's critical and serious violations, one line each with the offending elements.</summary>
    private static async Task<List<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = AxeScript });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'critical' || v.impact === 'serious')" +
            ".map(v => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')))");
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }
}
