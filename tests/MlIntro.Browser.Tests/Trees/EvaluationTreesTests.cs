using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests.Trees;

/// <summary>Issue 15 on /evaluation: the same events trained by a network and by boosted trees, one ROC overlay.</summary>
[Collection("browser")]
public sealed class EvaluationTreesTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(fixture.App.BaseUrl + path);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return (context, page);
    }

    private static async Task ChooseTreesAsync(IPage page)
    {
        await page.GetByTestId("model-choice").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Boosted decision trees (LightGBM)", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("rounds").WaitForAsync();
    }

    [Fact]
    public async Task Evaluation_NetworkThenTrees_OverlayShowsBothModelsWithTheirAucs()
    {
        var (context, page) = await OpenAsync("/evaluation");
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("10");
        await page.GetByTestId("train").ClickAsync();
        await page.GetByTestId("comparison-missing").WaitForAsync();

        await ChooseTreesAsync(page);
        await page.GetByTestId("train").ClickAsync();
        await page.Locator("#model-comparison-roc .main-svg").First.WaitForAsync();
        await page.Locator("[data-testid=model-comparison] .roc-chart[data-curves='2']").WaitForAsync();
        await page.Locator("#evaluation-trees-importance .main-svg").First.WaitForAsync();
        var legend = await page.Locator("[data-testid=model-comparison] [data-testid=roc-legend] li").AllInnerTextsAsync();
        var plotted = await page.EvaluateAsync<string[]>("() => document.getElementById('model-comparison-roc').data.map(t => t.name)");
        var bars = await page.EvaluateAsync<string[]>("() => document.getElementById('evaluation-trees-importance').data[0].y");
        var problems = await AccessibilityAndLayoutTests.ViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "evaluation-network-vs-trees");
        output.WriteLine(string.Join(" | ", legend));
        problems.ForEach(output.WriteLine);

        Assert.Equal(2, legend.Count);
        Assert.Matches(@"^network 8,8, AUC = \d+\.\d%$", legend[0]);
        Assert.Matches(@"^boosted trees, 100 rounds × 31 leaves, AUC = \d+\.\d%$", legend[1]);
        Assert.Contains(legend[0], plotted);
        Assert.Contains(legend[1], plotted);
        Assert.Equal(["x1", "x2"], bars.Order());
        Assert.Empty(problems);
        await context.CloseAsync();
    }

    [Fact]
    public async Task SharedTreesRun_ShowsImportanceAndItsForkTrainsTreesAgain()
    {
        var (context, page) = await OpenAsync("/evaluation");
        await ChooseTreesAsync(page);
        await page.Locator("[data-testid=rounds] input, input[data-testid=rounds]").First.FillAsync("30");
        await page.GetByTestId("train").ClickAsync();
        var link = page.GetByTestId("results-link");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/e/"));
        await page.GetByTestId("trees-results").WaitForAsync();
        var href = (await link.GetAttributeAsync("href"))!;

        await page.GotoAsync(fixture.App.BaseUrl + href);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#experiment-trees-importance .main-svg").First.WaitForAsync();
        var rounds = await page.Locator("#experiment-trees-round-auc").Locator("xpath=..").GetAttributeAsync("data-rounds");
        var definition = await page.GetByTestId("definition-trees").InnerTextAsync();
        var rocTitle = await page.GetByTestId("experiment-roc-title").InnerTextAsync();
        await page.Locator("#experiment-loss .main-svg").First.WaitForAsync();
        // The lines are named after the first replayed round says which held-out set the run kept: wait for points.
        await page.WaitForFunctionAsync("() => document.getElementById('experiment-loss')?.data?.[1]?.x?.length > 0");
        var lossTitle = await page.EvaluateAsync<string>("() => document.getElementById('experiment-loss').layout.title.text");
        var lossLines = await page.EvaluateAsync<string[]>("() => document.getElementById('experiment-loss').data.map(t => t.name)");
        var problems = await AccessibilityAndLayoutTests.ViolationsAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("#experiment-trees-importance .main-svg").First.WaitForAsync();
        var phoneProblems = await AccessibilityAndLayoutTests.ViolationsAsync(page);
        var phoneOverflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await BrowserFixture.ScreenshotAsync(page, "experiment-trees-390");
        await page.SetViewportSizeAsync(1280, 720);
        await page.Locator(".fork-button").ClickAsync();
        await page.WaitForURLAsync("**/evaluation?**");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var forkedRounds = await page.Locator("[data-testid=rounds] input, input[data-testid=rounds]").First.InputValueAsync();
        await page.GetByTestId("train").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("finished");
        await page.GetByTestId("trees-results").WaitForAsync();
        var forkedRun = await page.GetByTestId("results-link").GetAttributeAsync("href");
        var forkedModel = await page.GetByTestId("evaluation-model").InnerTextAsync();
        var forkedLossTitle = await page.EvaluateAsync<string>("() => document.getElementById('evaluation-loss').layout.title.text");

        Assert.Equal("30", rounds);
        Assert.Contains("boosted decision trees (LightGBM): 31 leaves", definition, StringComparison.Ordinal);
        Assert.Empty(problems);
        Assert.Empty(phoneProblems);
        Assert.True(phoneOverflow <= 0, $"/e/{{id}} of trees is {phoneOverflow} px wider than a phone");
        Assert.StartsWith("ROC of the boosted trees, 30 rounds × 31 leaves on the test set after round 30", rocTitle, StringComparison.Ordinal);
        Assert.Equal("Loss per round: boosted trees, 30 rounds × 31 leaves", lossTitle);
        Assert.Equal(["training loss", "validation loss"], lossLines);
        Assert.Equal("30", forkedRounds);
        // The fork trained trees of its own: another run, named after its model.
        Assert.StartsWith("/e/", forkedRun, StringComparison.Ordinal);
        Assert.NotEqual(href, forkedRun);
        Assert.Equal("boosted trees, 30 rounds × 31 leaves", forkedModel);
        Assert.Equal("Loss per round: boosted trees, 30 rounds × 31 leaves", forkedLossTitle);
        await context.CloseAsync();
    }
}
