using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

[Collection("browser")]
public sealed class EvaluationPageTests(BrowserFixture fixture)
{
    private static async Task<IPage> OpenAsync(BrowserFixture fixture)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/evaluation");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static double Number(string text) =>
        double.Parse(text.Replace(",", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    private static async Task<double> CellAsync(IPage page, string matrix, int trueClass, int predicted) =>
        Number(await page.Locator($"[data-testid={matrix}] [data-cell='{trueClass},{predicted}']").GetAttributeAsync("data-value") ?? "NaN");

    private static async Task TrainGaussAsync(IPage page)
    {
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("30");
        await page.GetByTestId("train").ClickAsync();
        await page.GetByTestId("positives").WaitForAsync(new() { Timeout = 60_000 });
    }

    private static ILocator Slider(IPage page) =>
        page.Locator("[data-testid=threshold-slider] input[type=range], input[type=range][data-testid=threshold-slider]").First;

    [Fact]
    public async Task Train_GaussToy_ThresholdSliderMovesTheConfusionMatrixAndKeepsEachRowsTotal()
    {
        var page = await OpenAsync(fixture);
        await TrainGaussAsync(page);
        var positives = Number(await page.GetByTestId("positives").InnerTextAsync());
        var negatives = Number(await page.GetByTestId("negatives").InnerTextAsync());
        var tpAtHalf = await CellAsync(page, "confusion-counts", 1, 1);
        var fnAtHalf = await CellAsync(page, "confusion-counts", 1, 0);
        var fpAtHalf = await CellAsync(page, "confusion-counts", 0, 1);
        var auc = Number(await page.GetByTestId("auc").InnerTextAsync());

        await Slider(page).FillAsync("0.05");
        await Assertions.Expect(page.GetByTestId("threshold")).ToHaveTextAsync("0.050");
        await BrowserFixture.ScreenshotAsync(page, "evaluation-threshold");
        var tpLow = await CellAsync(page, "confusion-counts", 1, 1);
        var fnLow = await CellAsync(page, "confusion-counts", 1, 0);
        var fpLow = await CellAsync(page, "confusion-counts", 0, 1);
        var tnLow = await CellAsync(page, "confusion-counts", 0, 0);
        var tpr = Number(await page.GetByTestId("tpr").InnerTextAsync());

        Assert.Equal(positives, tpAtHalf + fnAtHalf);
        Assert.Equal(positives, tpLow + fnLow);
        Assert.Equal(negatives, fpLow + tnLow);
        Assert.True(fpLow > fpAtHalf, $"a lower cut lets more background through: {fpAtHalf} then {fpLow}");
        Assert.True(tpLow >= tpAtHalf, $"and keeps at least as much signal: {tpAtHalf} then {tpLow}");
        Assert.Equal(Math.Round(tpLow / positives, 3), tpr, 3);
        Assert.InRange(auc, 0.97, 1.0);
        await page.CloseAsync();
    }

    [Fact]
    public async Task HepToggle_SwitchesTheRocYAxisToLogFromOneThousandthToOne()
    {
        var page = await OpenAsync(fixture);
        await TrainGaussAsync(page);
        await page.Locator("#evaluation-roc .main-svg").First.WaitForAsync();
        var before = await page.EvaluateAsync<string>("() => document.getElementById('evaluation-roc').layout.yaxis.type");

        await page.GetByTestId("hep-toggle").ClickAsync();
        await page.Locator(".roc-chart[data-scale=log]").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('evaluation-roc').layout.yaxis.type === 'log'");
        var range = await page.EvaluateAsync<double[]>("() => document.getElementById('evaluation-roc').layout.yaxis.range");
        await BrowserFixture.ScreenshotAsync(page, "evaluation-hep");

        Assert.Equal("linear", before);
        Assert.Equal(-3, range[0], 6);
        Assert.Equal(0, range[1], 6);
        await page.CloseAsync();
    }

    // A bad cell in a feature column is no longer an error: the column is left out with its reason (EvaluationUploadTests).
    [Theory]
    [InlineData("oneclass", "holds only one class")]
    [InlineData("threeclass", "needs exactly 2 classes")]
    public async Task Upload_BadFile_ShowsItsMessageAndOffersNoNewData(string content, string expected)
    {
        var page = await OpenAsync(fixture);
        var csv = content switch
        {
            "oneclass" => Table(_ => "s"),
            "threeclass" => Table(i => (i % 3).ToString(CultureInfo.InvariantCulture)),
            _ => throw new ArgumentOutOfRangeException(nameof(content)),
        };

        // The file is read when chosen: a label column that cannot serve the lesson is reported before "Use".
        await UploadPanelFile.ChooseAsync(page, "bad.csv", csv);
        var error = page.GetByTestId("upload-error");
        await error.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "evaluation-upload-error-" + content.Length);

        Assert.Contains(expected, await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("upload-ok").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Upload_NoHeader_SaysSo()
    {
        var page = await OpenAsync(fixture);

        await UploadPanelFile.ChooseAsync(page, "numbers.csv", "1,2,0\n3,4,1\n");
        var error = page.GetByTestId("upload-error");
        await error.WaitForAsync();

        Assert.Contains("header", await error.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.CloseAsync();
    }

    /// <summary>40 rows of two features and the label from <paramref name="label"/>.</summary>
    private static string Table(Func<int, string> label)
    {
        var text = new StringBuilder("x1,x2,label\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i * 0.1},{i * -0.2},{label(i)}\n");
        }
        return text.ToString();
    }
}
