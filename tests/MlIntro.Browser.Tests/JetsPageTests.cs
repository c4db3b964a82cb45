using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

[Collection("browser")]
public sealed partial class JetsPageTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"^[gqtwz] tagger, AUC = \d{1,3}\.\d%$")]
    private static partial Regex LegendPattern();

    [Fact]
    public async Task LectureNotebookPreset_OnToyJets_ShowsFiveTaggerLegendsAFiveByFiveMatrixAndTestAccuracy()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/jets");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var label = await page.GetByTestId("data-label").InnerTextAsync();
        var note = await page.GetByTestId("reference-note").InnerTextAsync();

        await JetsPageSteps.TrainToyJetsAsync(page, epochs: 2, jets: 10_000);
        await page.Locator("#jets-roc .main-svg").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "jets-lecture-toy");
        var legends = await page.Locator("[data-testid=roc-legend] li").AllInnerTextsAsync();
        var cells = await page.Locator("[data-testid=jets-confusion] td").CountAsync();
        var rowSums = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('[data-testid=jets-confusion] tbody tr')].map(r => [...r.querySelectorAll('td')].reduce((s, td) => s + Number(td.dataset.value), 0))");
        var accuracy = double.Parse(await page.GetByTestId("test-accuracy").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var yType = await page.EvaluateAsync<string>("() => document.getElementById('jets-roc').layout.yaxis.type");

        Assert.Contains("Toy jets", label, StringComparison.Ordinal);
        Assert.Contains("0.717", note, StringComparison.Ordinal);
        Assert.Equal(5, legends.Count);
        Assert.All(legends, l => Assert.Matches(LegendPattern(), l.Trim()));
        Assert.Equal(["g", "q", "t", "w", "z"], legends.Select(l => l.Trim()[..1]));
        Assert.Equal(25, cells);
        Assert.Equal(2_000, rowSums.Sum()); // 10,000 toy jets, 20 % test
        Assert.InRange(accuracy, 0, 1);
        Assert.Equal("log", yType);
        await page.CloseAsync();
    }
}
