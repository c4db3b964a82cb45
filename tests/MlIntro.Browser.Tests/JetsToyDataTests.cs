using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>Issue 10 item 7 in the browser: the jets page labels its toy data, and ROC legends sit beside the curves, not on them.</summary>
[Collection("browser")]
public sealed class JetsToyDataTests(BrowserFixture fixture)
{
    /// <summary>Legend box, plot area (Plotly's drag rectangle) and the whole chart, each as [left, top, right, bottom].</summary>
    private const string BoxesScript = """
        id => {
            const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            const chart = document.getElementById(id);
            return [box(chart.querySelector('.legend')), box(chart.querySelector('.nsewdrag')), box(chart.querySelector('.main-svg'))];
        }
        """;

    [Fact]
    public async Task Train_LecturePresetOnToyJets_LabelledToyAndRocLegendOutsideThePlotArea()
    {
        var page = await OpenAsync("/jets");
        var label = await page.GetByTestId("data-label").InnerTextAsync();
        var batchNote = await page.GetByTestId("toy-batch-note").InnerTextAsync();

        await JetsPageSteps.TrainToyJetsAsync(page, epochs: 2, jets: 10_000);
        await Assertions.Expect(page.Locator("#jets-roc .legend .traces")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(page, "jets-roc-legend");
        var boxes = await page.EvaluateAsync<double[][]>(BoxesScript, "jets-roc");

        Assert.Contains("Toy jets", label, StringComparison.Ordinal);
        Assert.Contains("not the real data", label, StringComparison.Ordinal);
        Assert.Contains("batch is 64", batchNote, StringComparison.Ordinal);
        AssertBesideThePlot(boxes);
    }

    [Fact]
    public async Task Train_PhoneWidth_RocLegendStillBesideAPlotAreaWideEnoughToRead()
    {
        var page = await OpenAsync("/jets");
        await page.SetViewportSizeAsync(390, 844);
        await JetsPageSteps.TrainToyJetsAsync(page, epochs: 1, jets: 5_000);
        await Assertions.Expect(page.Locator("#jets-roc .legend .traces")).ToHaveCountAsync(5);

        var boxes = await page.EvaluateAsync<double[][]>(BoxesScript, "jets-roc");

        await BrowserFixture.ScreenshotAsync(page, "jets-roc-legend-phone");
        AssertBesideThePlot(boxes);
        Assert.True(boxes[1][2] - boxes[1][0] >= 150, $"plot area only {boxes[1][2] - boxes[1][0]} px wide");
    }

    [Fact]
    public async Task Train_EvaluationGaussToy_RocLegendOutsideThePlotArea()
    {
        var page = await TrainEvaluationAsync(epochs: 5);

        await Assertions.Expect(page.Locator("#evaluation-roc .legend .traces")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "evaluation-roc-legend");
        var boxes = await page.EvaluateAsync<double[][]>(BoxesScript, "evaluation-roc");

        AssertBesideThePlot(boxes);
    }

    [Fact]
    public async Task Train_EvaluationGaussToy_RejectionIsOneOverEpsilonBOrAboveTheBackgroundCount()
    {
        var page = await TrainEvaluationAsync(epochs: 30);

        var negatives = await page.GetByTestId("negatives").InnerTextAsync();
        var rows = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('[data-testid=rejection] tr')].slice(1).map(r => [...r.querySelectorAll('td')].map(td => td.innerText.trim()))");

        Assert.Equal(["0.5", "0.8", "0.9"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.DoesNotContain("∞", r[2], StringComparison.Ordinal));
        foreach (var row in rows.Where(r => r[1] != "0"))
        {
            var eb = double.Parse(row[1], CultureInfo.InvariantCulture);
            Assert.Equal(1 / eb, double.Parse(row[2], CultureInfo.InvariantCulture), 1 / eb * 0.005); // ε_B is shown to 3 digits
        }
        // After 30 epochs no background event of the test set scores above the median signal event (measured, seed 1).
        Assert.Equal(["0", "> " + negatives], rows[0][1..]);
    }

    /// <summary>The evaluation page's default data (the school's 2D Gaussians) trained for <paramref name="epochs"/>.</summary>
    private async Task<IPage> TrainEvaluationAsync(int epochs)
    {
        var page = await OpenAsync("/evaluation");
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync(epochs.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("train").ClickAsync();
        await page.GetByTestId("positives").WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + path);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static void AssertBesideThePlot(double[][] boxes)
    {
        var (legend, plot, chart) = (boxes[0], boxes[1], boxes[2]);
        var overlaps = legend[0] < plot[2] && plot[0] < legend[2] && legend[1] < plot[3] && plot[1] < legend[3];
        Assert.True(legend[2] - legend[0] > 50, $"legend box {string.Join(", ", legend)} is empty");
        Assert.False(overlaps, $"legend {string.Join(", ", legend)} overlaps the plot area {string.Join(", ", plot)}");
        Assert.True(legend[2] <= chart[2] + 1, $"legend {string.Join(", ", legend)} is cut off by the chart {string.Join(", ", chart)}");
    }
}
