using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Optimizers;
using MlIntro.Web.Hubs;

namespace MlIntro.Browser.Tests;

/// <summary>
/// Issue 9 item 7 in a real browser, with the app in Production: the Content Security Policy (script-src 'self' and a
/// nonce) refuses nothing the lessons need while they train, and a racer named with a link shows in Plotly's legends
/// of the shared page as text, not as a link.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProductionBrowserGroup : ICollectionFixture<ProductionBrowserFixture>
{
    public const string Name = "browser-production";
}

[Collection(ProductionBrowserGroup.Name)]
public sealed class HardeningWebTests(ProductionBrowserFixture fixture)
{
    private const string Link = "<a href=\"https://example.org\">Click here to log in</a>";

    /// <summary>A page whose console messages and script errors are kept, for the CSP's "Refused to …" reports.</summary>
    private async Task<(IPage Page, List<string> Console)> WatchedPageAsync()
    {
        var page = await fixture.NewPageAsync();
        var console = new List<string>();
        // The browser's own request for /favicon.ico (the app has none) is no page's resource.
        page.Console += (_, message) =>
        {
            if (!message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                console.Add($"{message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => console.Add("pageerror: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                console.Add($"response {response.Status}: {response.Url}");
            }
        };
        return (page, console);
    }

    private static async Task InteractiveAsync(IPage page) =>
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private async Task<string> RunOnHubAsync(ExperimentDefinition definition)
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(fixture.App.BaseUrl + TrainingHub.Path)
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await hub.StartAsync(timeout.Token);
        var id = await hub.InvokeAsync<string>("Start", definition, timeout.Token);
        await foreach (var _ in hub.StreamAsync<TrainingEvent>("Watch", id, timeout.Token))
        {
            // to the end of the run
        }
        return id;
    }

    public static TheoryData<string, string, string> Lessons => new()
    {
        { "/playground", "play", "#playground-loss .main-svg" },
        { "/optimizers", "play", "#optimizers-contour .main-svg" },
        { "/evaluation", "train", "#evaluation-loss .main-svg" },
        { "/jets", "train", "#jets-loss .main-svg" },
    };

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task LessonPage_TrainingWithTheCspOn_NothingIsRefused(string path, string start, string chart)
    {
        var (page, console) = await WatchedPageAsync();

        var loaded = await page.GotoAsync(fixture.App.BaseUrl + path);
        await InteractiveAsync(page);
        await page.GetByTestId(start).ClickAsync();
        await page.Locator(chart).First.WaitForAsync(new() { Timeout = 90_000 });
        await page.GetByTestId("results-link").WaitForAsync(new() { Timeout = 90_000 });
        await page.WaitForTimeoutAsync(3_000);
        var link = await page.GetByTestId("results-link").GetAttributeAsync("href");
        await page.GotoAsync(fixture.App.BaseUrl + link);
        await InteractiveAsync(page);
        await page.Locator(".main-svg").First.WaitForAsync(new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(2_000);

        Assert.Contains("script-src 'self' 'nonce-", await loaded!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        // Chromium reports a refusal as "Refused to load …" or "Executing inline script violates the following Content Security Policy …".
        string[] signs = ["Refused to", "Content Security Policy", "Failed to load resource", "pageerror", "response "];
        var refused = console.Where(m => signs.Any(sign => m.Contains(sign, StringComparison.Ordinal))).ToList();
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
        await page.CloseAsync();
    }

    [Fact]
    public async Task SharedSurfaceRace_RacerNamedWithALink_LegendShowsTheTextAndNoLink()
    {
        var definition = new ExperimentDefinition(
            Lesson.Optimizers,
            Race: [new NamedOptimizer(Link, new OptimizerSpec(OptimizerKind.Adam, 0.05)), new NamedOptimizer("GD 0.1", new OptimizerSpec(OptimizerKind.GD, 0.1))],
            Surface: new SurfaceSpec("lecture", Steps: 200));
        var id = await RunOnHubAsync(definition);
        var (page, _) = await WatchedPageAsync();

        await page.GotoAsync(fixture.App.BaseUrl + "/e/" + id);
        await InteractiveAsync(page);
        var legend = page.Locator($"#{RaceChartIds.Default.Contour} .legend");
        await Assertions.Expect(legend).ToContainTextAsync("Click here to log in");
        await page.GetByTestId("step-count").Filter(new() { HasText = "200" }).WaitForAsync();
        var text = await legend.TextContentAsync() ?? "";
        var links = await page.Locator(".legend a, .legendtext a").CountAsync();

        Assert.Contains(Link, text, StringComparison.Ordinal);
        Assert.Equal(0, links);
        await page.CloseAsync();
    }

    [Fact]
    public async Task SharedNetworkRace_RacerNamedWithALink_LegendShowsTheTextAndNoLink()
    {
        var race = NetworkRaceSettings.Default.ToDefinition();
        var definition = race with
        {
            Race = [race.Race![0] with { Name = Link }, race.Race[5]],
            Training = race.RequiredTraining with { Epochs = 5 },
        };
        var id = await RunOnHubAsync(definition);
        var (page, _) = await WatchedPageAsync();

        await page.GotoAsync(fixture.App.BaseUrl + "/e/" + id);
        await InteractiveAsync(page);
        var legend = page.Locator("#experiment-race-loss .legend");
        await Assertions.Expect(legend).ToContainTextAsync("Click here to log in");
        var text = await legend.TextContentAsync() ?? "";
        var links = await page.Locator(".legend a, .legendtext a").CountAsync();

        Assert.Contains(Link, text, StringComparison.Ordinal);
        Assert.Equal(0, links);
        await page.CloseAsync();
    }
}
