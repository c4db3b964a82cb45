using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests;

/// <summary>
/// Issue 10 items 4 and 5, on every page at a desktop, a 1280×720 laptop and a phone: no critical or serious axe-core
/// violation, one h1 and one main landmark, nothing wider than the window (wide content scrolls in its own box), the
/// lesson menu in the app bar on wide screens and behind a menu button on a phone, where every grid stacks in one column.
/// </summary>
[Collection("browser")]
public sealed class AccessibilityAndLayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string AxeScript = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js"));

    /// <summary>The phone's width: below MudBlazor's md breakpoint (960 px), where the menu collapses.</summary>
    private const int Phone = 390;

    public static TheoryData<string, int, int> Pages()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { "/", "/playground", "/optimizers", "/evaluation", "/jets", "/no-such-page", "/likelihood", "/overfitting", "/tuning", "/runs" })
        {
            data.Add(path, 1440, 900);
            data.Add(path, 1280, 720);
            data.Add(path, Phone, 844);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtThisSize_IsAccessibleFitsTheWindowAndHasOneHeadingAndMain(string path, int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(fixture.App.BaseUrl + path);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var problems = await ViolationsAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var headings = await page.Locator("h1").CountAsync();
        var mains = await page.Locator("main, [role=main]").CountAsync();
        var menuInBar = await page.GetByTestId("menu-lessons").IsVisibleAsync();
        var menuButton = await page.GetByTestId("menu-toggle").IsVisibleAsync();
        var sideBySide = await SideBySideGridItemsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"layout{path.Replace('/', '-')}-{width}x{height}");
        problems.ForEach(output.WriteLine);

        Assert.Empty(problems);
        Assert.True(overflow <= 0, $"{path} at {width}x{height} is {overflow} px wider than the window");
        Assert.Equal(1, headings);
        Assert.Equal(1, mains);
        Assert.Equal(width > Phone, menuInBar);
        Assert.Equal(width <= Phone, menuButton);
        if (width <= Phone)
        {
            Assert.True(sideBySide.Count == 0, $"{path} at {width} px has grid columns side by side: {string.Join(", ", sideBySide)}");
        }
        await context.CloseAsync();
    }

    /// <summary>The issue's case: once trained, the jets page's five-class confusion matrix made the page 1310 px wide.</summary>
    [Theory]
    [InlineData(1280, 720)]
    [InlineData(Phone, 844)]
    public async Task JetsPage_Trained_ItsConfusionMatrixScrollsInItsBoxNotThePage(int width, int height)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(fixture.App.BaseUrl + "/jets");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("1");
        await page.Locator("[data-testid=toy-jets] input, input[data-testid=toy-jets]").First.FillAsync("2000");

        await page.GetByTestId("train").ClickAsync();
        await page.GetByTestId("test-accuracy").WaitForAsync(new() { Timeout = 90_000 });
        var matrix = page.GetByTestId("jets-confusion");
        await matrix.WaitForAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var matrixRight = await matrix.EvaluateAsync<double>("m => m.getBoundingClientRect().right");
        var problems = await ViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"jets-trained-{width}x{height}");
        problems.ForEach(output.WriteLine);

        Assert.True(overflow <= 0, $"the trained jets page at {width}x{height} is {overflow} px wider than the window");
        Assert.True(matrixRight <= width, $"the confusion matrix ends at {matrixRight} px, past the {width} px window");
        Assert.Empty(problems);
        await context.CloseAsync();
    }

    [Fact]
    public async Task MenuButton_OnAPhone_OpensTheLessonsAndFollowsOne()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = Phone, Height = 844 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(fixture.App.BaseUrl + "/optimizers");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // The app bar's own "6 Jets" button is hidden at this width: the one visible link is the drawer's.
        var jets = page.GetByRole(AriaRole.Link, new() { Name = "6 Jets" }).Filter(new() { Visible = true });
        var drawer = page.Locator("#lesson-drawer");
        var openBefore = await drawer.EvaluateAsync<bool>("d => d.classList.contains('mud-drawer--open')");
        await page.GetByTestId("menu-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("menu-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await Assertions.Expect(jets).ToHaveCountAsync(1);
        await jets.ClickAsync();

        await page.WaitForURLAsync("**/jets");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Jet");
        await Assertions.Expect(page.GetByTestId("menu-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.False(openBefore);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Tab_ToTheFirstLessonLink_ShowsAFocusRing()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var focused = "";
        for (var i = 0; i < 12 && focused != "/playground"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement?.getAttribute('href') ?? ''");
        }
        var outline = await page.EvaluateAsync<JsonElement>(
            "() => { const s = getComputedStyle(document.activeElement); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; }");

        Assert.Equal("/playground", focused);
        Assert.Equal("solid", outline.GetProperty("style").GetString());
        Assert.True(outline.GetProperty("width").GetDouble() >= 2, $"outline {outline}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task SharedExperimentPage_OfAPlaygroundRun_IsAccessibleWithOneHeadingAndMain()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=3&seed=2");
        await page.GetByTestId("step").ClickAsync();
        var link = await page.GetByTestId("results-link").GetAttributeAsync("href");
        await page.GotoAsync(fixture.App.BaseUrl + link);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var problems = await ViolationsAsync(page);
        var headings = await page.Locator("h1").CountAsync();
        var mains = await page.Locator("main, [role=main]").CountAsync();
        problems.ForEach(output.WriteLine);

        Assert.Empty(problems);
        Assert.Equal(1, headings);
        Assert.Equal(1, mains);
        await page.CloseAsync();
    }

    /// <summary>axe-core's critical and serious violations, one line each with the offending elements.</summary>
    internal static async Task<List<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = AxeScript });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'critical' || v.impact === 'serious')" +
            ".map(v => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')))");
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    /// <summary>Visible grid items narrower than most of their grid: two or more columns share a row.</summary>
    private static async Task<List<string>> SideBySideGridItemsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('.mud-grid-item')]
                .filter(item => item.offsetParent !== null && item.getBoundingClientRect().height > 0)
                .filter(item => item.getBoundingClientRect().width < 0.9 * item.parentElement.getBoundingClientRect().width)
                .map(item => (item.className.match(/mud-grid-item-[a-z]+-\d+/g) || []).join(' ') + ' ' + Math.round(item.getBoundingClientRect().width) + 'px'))
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }
}
