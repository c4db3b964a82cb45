using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>
/// For every lesson: run with settings other than the defaults, open the run's /e/{id} link in a fresh browser
/// context (another student), press Fork, and find the same settings on the lesson page.
/// </summary>
[Collection("browser")]
public sealed class ForkEveryLessonTests(BrowserFixture fixture)
{
    private static async Task InteractiveAsync(IPage page) =>
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], select[data-testid={testId}]").First;

    /// <summary>Opens <paramref name="link"/> as someone else would, forks it, and returns the forked lesson page.</summary>
    private async Task<(IBrowserContext Context, IPage Page)> ForkAsync(string link, string lessonPath)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000); // a waiting limit, not a speed target: a loaded CI machine may take long to render the fork
        await page.GotoAsync(fixture.App.BaseUrl + link);
        await InteractiveAsync(page);
        await page.Locator(".fork-button").ClickAsync();
        await page.WaitForURLAsync($"**{lessonPath}?**");
        await InteractiveAsync(page);
        return (context, page);
    }

    private static async Task<string> RunLinkAsync(IPage page, string testId = "results-link")
    {
        var link = page.GetByTestId(testId);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/e/"));
        return (await link.GetAttributeAsync("href"))!;
    }

    private static Dictionary<string, string> Query(string url) =>
        QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    [Fact]
    public async Task Playground_ForkOfARun_HasTheSameSettings()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/playground?dataset=xor&noise=15&train=60&batch=20&lr=0.03&act=relu&reg=l2&rr=0.001&net=3,2&f=x1,x2,x1*x2&opt=adam&seed=5");
        await InteractiveAsync(page);
        var original = Query(page.Url);
        await page.GetByTestId("step").ClickAsync();
        var link = await RunLinkAsync(page);

        var (context, forked) = await ForkAsync(link, "/playground");
        await forked.WaitForURLAsync("**/playground?dataset=**");
        var settings = Query(forked.Url);
        var label = await forked.GetByTestId("data-label").InnerTextAsync();

        Assert.All(original, p => Assert.Equal((p.Key, p.Value), (p.Key, settings.GetValueOrDefault(p.Key))));
        Assert.Contains("xor", label, StringComparison.OrdinalIgnoreCase);
        await context.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task OptimizersSurfaceRace_ForkOfARun_HasTheSameSurfaceStartStepsAndRacers()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/optimizers?surface=saddle&start=0.5,0.25&steps=300&r=adam:0.02;gd:0.1;momentum:0.01:momentum=0.8");
        await InteractiveAsync(page);
        var original = Query(page.Url);
        await page.GetByTestId("play").ClickAsync();
        var link = await RunLinkAsync(page);

        var (context, forked) = await ForkAsync(link, "/optimizers");
        await forked.WaitForURLAsync("**/optimizers?surface=**");
        var settings = Query(forked.Url);

        Assert.Equal(original["surface"], settings["surface"]);
        Assert.Equal(original["steps"], settings["steps"]);
        Assert.Equal(original["start"], settings["start"]);
        Assert.Equal(3, settings["r"].Split(';').Length);
        Assert.StartsWith("adam:0.02", settings["r"], StringComparison.Ordinal);
        Assert.Contains("momentum=0.8", settings["r"], StringComparison.Ordinal);
        Assert.Equal("300", await Input(forked, "steps").InputValueAsync());
        await context.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task OptimizersNetworkRace_ForkOfARun_HasTheSameDataNetworkAndEpochs()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/optimizers");
        await InteractiveAsync(page);
        await Input(page, "network-dataset").SelectOptionAsync("xor");
        await Input(page, "network-hidden").FillAsync("5,3");
        await Input(page, "network-hidden").BlurAsync();
        await Input(page, "network-epochs").FillAsync("15");
        await Input(page, "network-epochs").BlurAsync();
        await page.GetByTestId("network-start").ClickAsync();
        var link = await RunLinkAsync(page, "network-results-link");

        var (context, forked) = await ForkAsync(link, "/optimizers");

        Assert.Equal("xor", await Input(forked, "network-dataset").InputValueAsync());
        Assert.Equal("5,3", await Input(forked, "network-hidden").InputValueAsync());
        Assert.Equal("15", await Input(forked, "network-epochs").InputValueAsync());
        await context.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Evaluation_ForkOfARun_HasTheSameNetworkEpochsAndLearningRate()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/evaluation");
        await InteractiveAsync(page);
        await Input(page, "hidden").FillAsync("6,3");
        await Input(page, "hidden").BlurAsync();
        await Input(page, "epochs").FillAsync("12");
        await Input(page, "epochs").BlurAsync();
        await Input(page, "learning-rate").FillAsync("0.02");
        await Input(page, "learning-rate").BlurAsync();
        await page.GetByTestId("train").ClickAsync();
        var link = await RunLinkAsync(page);

        var (context, forked) = await ForkAsync(link, "/evaluation");

        Assert.Equal("6,3", await Input(forked, "hidden").InputValueAsync());
        Assert.Equal("12", await Input(forked, "epochs").InputValueAsync());
        Assert.Equal("0.02", await Input(forked, "learning-rate").InputValueAsync());
        await context.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Jets_ForkOfARun_HasTheSameEpochsAndToyJets()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/jets");
        await InteractiveAsync(page);
        await Input(page, "epochs").FillAsync("3");
        await Input(page, "epochs").BlurAsync();
        await Input(page, "toy-jets").FillAsync("12000");
        await Input(page, "toy-jets").BlurAsync();
        await page.GetByTestId("train").ClickAsync();
        var link = await RunLinkAsync(page);

        var (context, forked) = await ForkAsync(link, "/jets");

        Assert.Equal("3", await Input(forked, "epochs").InputValueAsync());
        Assert.Equal("12000", await Input(forked, "toy-jets").InputValueAsync());
        await context.CloseAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Tuning_ForkOfAStudy_HasTheSameTrialsAndEpochs()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/tuning");
        await InteractiveAsync(page);
        await Input(page, "trials").FillAsync("5");
        await Input(page, "trials").BlurAsync();
        await Input(page, "epochs").FillAsync("12");
        await Input(page, "epochs").BlurAsync();
        await page.GetByTestId("start").ClickAsync();
        var link = await RunLinkAsync(page);

        var (context, forked) = await ForkAsync(link, "/tuning");

        Assert.Equal("5", await Input(forked, "trials").InputValueAsync());
        Assert.Equal("12", await Input(forked, "epochs").InputValueAsync());
        await context.CloseAsync();
        await page.CloseAsync();
    }
}
