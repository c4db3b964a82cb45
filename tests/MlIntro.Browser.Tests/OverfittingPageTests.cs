using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>Lesson 5 in the browser: the capacity ladder trains live on the real HIGGS events and draws its curves.</summary>
[Collection("browser")]
public sealed class OverfittingPageTests(BrowserFixture fixture)
{
    // Enough for the first curves to be drawn well before the end, even on an idle machine (about 0.3 s per epoch there).
    private const int Epochs = 10;

    private static readonly string[] ToyCharts = ["overfitting-toy-0", "overfitting-toy-2", "overfitting-toy-augmented"];

    /// <summary>Lines (not markers) of a Plotly chart that hold at least one point.</summary>
    private const string DrawnLinesScript = "id => (document.getElementById(id)?.data || []).filter(t => t.mode === 'lines' && t.x.length > 0).length";

    /// <summary>
    /// The chart's drawn lines once it has <paramref name="expected"/> or after 10 s: charts flush on their own timers
    /// (a replayed run arrives in one burst), so a fixed wait was too short on a loaded machine.
    /// </summary>
    private static async Task<int> DrawnLinesAsync(IPage page, string id, int expected)
    {
        var lines = 0;
        for (var tries = 0; tries < 100 && (lines = await page.EvaluateAsync<int>(DrawnLinesScript, id)) < expected; tries++)
        {
            await page.WaitForTimeoutAsync(100);
        }
        return lines;
    }

    [Fact]
    public async Task Train_Ladder_DrawsEightCurvesOnTheCapacityAndTheRemediesChartsLive()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/overfitting");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var label = await page.GetByTestId("data-label").InnerTextAsync();
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync(Epochs.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.PressAsync("Tab");

        await page.GetByTestId("train").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?d=", StringComparison.Ordinal), new() { Timeout = 30_000 });
        var address = page.Url;
        // Live: the first epochs are drawn while the run still trains (7 networks, several tenths of a second per epoch).
        await Assertions.Expect(page.Locator(".ladder-chart[data-points]:not([data-points='0'])").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        var epochWhenFirstDrawn = int.Parse(await page.GetByTestId("epoch").InnerTextAsync(), CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("finished", new() { Timeout = 180_000 });
        var sizes = await DrawnLinesAsync(page, "overfitting-sizes", 8);
        var remedies = await DrawnLinesAsync(page, "overfitting-remedies", 8);
        var message = await page.GetByTestId("run-message").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(page, "overfitting-ladder");
        // The shared page replays the stored run, and Fork brings its settings back to the lesson.
        await page.GotoAsync(await page.GetByTestId("results-link").GetAttributeAsync("href") is { } link ? fixture.App.BaseUrl + link : "");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator(".ladder-chart[data-points]:not([data-points='0'])").First).ToBeVisibleAsync();
        var shared = await DrawnLinesAsync(page, "experiment-ladder-sizes", 8);
        await page.Locator(".fork-button").ClickAsync();
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var forkedEpochs = await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.InputValueAsync();
        // The address the page kept while training, copied into another tab, brings the same settings back.
        var copied = await fixture.NewPageAsync();
        await copied.GotoAsync(address);
        await copied.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var copiedEpochs = await copied.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.InputValueAsync();

        Assert.Contains("UCI HIGGS", label, StringComparison.Ordinal);
        Assert.Contains("1,100 held out", label, StringComparison.Ordinal);
        Assert.True(epochWhenFirstDrawn < Epochs, $"the first curves appeared only after epoch {epochWhenFirstDrawn} of {Epochs}");
        Assert.Equal(8, sizes);
        Assert.Equal(8, remedies);
        Assert.Contains("Large best at epoch", message, StringComparison.Ordinal);
        Assert.Equal(8, shared);
        Assert.Equal(Epochs.ToString(CultureInfo.InvariantCulture), forkedEpochs);
        Assert.Equal(Epochs.ToString(CultureInfo.InvariantCulture), copiedEpochs);
    }

    [Fact]
    public async Task TrainSweepAndPenalties_DrawsOnePointPerNetworkAndBothWeightHistograms()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/overfitting");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("2");
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.PressAsync("Tab");

        await page.GetByTestId("sweep-train").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sweep-status")).ToHaveTextAsync("finished", new() { Timeout = 180_000 });
        await page.GetByTestId("weights-train").ClickAsync();
        await Assertions.Expect(page.Locator(".weight-histogram[data-epoch='60']")).ToBeAttachedAsync(new() { Timeout = 180_000 });
        await page.WaitForTimeoutAsync(500);
        var sweep = await page.EvaluateAsync<int[]>("id => document.getElementById(id).data.map(t => t.x.filter(v => v !== null).length)", "overfitting-sweep");
        var bars = await page.EvaluateAsync<string[]>("id => document.getElementById(id).data.filter(t => t.type === 'bar').map(t => t.name)", "overfitting-weights");
        await BrowserFixture.ScreenshotAsync(page, "overfitting-sweep-weights");

        Assert.Equal([10, 10], sweep);
        Assert.Equal(2, bars.Length);
        Assert.Contains("Medium + L1", bars[0], StringComparison.Ordinal);
        Assert.Contains("below 10⁻³", bars[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FitToys_FourNetworksDrawTheirBoundariesOverTheSamePoints()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/overfitting");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId("toys-train").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?d=", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".toy-fit:not([data-epoch='0'])")).ToHaveCountAsync(4, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator(".toy-fit .heatmaplayer")).ToHaveCountAsync(4);
        var points = await page.EvaluateAsync<int[]>("ids => ids.map(id => document.getElementById(id).data.filter(t => t.mode === 'markers').reduce((n, t) => n + t.x.length, 0))",
            ToyCharts);
        await page.GetByTestId("toys-stop").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "overfitting-toys");

        // 200 XOR points, half for training: the augmented fit shows its 300 mirrored training points too.
        Assert.Equal([200, 200, 500], points);
    }
}
