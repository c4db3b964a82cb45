using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>/tuning runs a small study on the server and draws its trials in parallel coordinates; brushing filters the table.</summary>
[Collection("browser")]
public sealed class TuningPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task StartStudy_EightTrials_DrawsParallelCoordinatesAndImportanceKeepsSettingsInAddressAndBrushingFiltersTheTable()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + "/tuning");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=trials] input, input[data-testid=trials]").First.FillAsync("8");
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync("30");
        await page.GetByTestId("data-label").ClickAsync(); // leave the field: the value is taken on change

        await page.GetByTestId("start").ClickAsync();
        await page.Locator("[data-testid=status]:text('finished')").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("[data-testid=parallel-coordinates][data-trials='8'] .main-svg").First.WaitForAsync(new() { Timeout = 30_000 });
        await BrowserFixture.ScreenshotAsync(page, "tuning-study");
        var labels = await page.EvaluateAsync<string[]>("() => document.getElementById('tuning-parcoords').data[0].dimensions.map(d => d.label)");
        var lines = await page.EvaluateAsync<int>("() => document.getElementById('tuning-parcoords').data[0].dimensions[0].values.length");
        var neurons = await page.EvaluateAsync<double[]>("() => document.getElementById('tuning-parcoords').data[0].dimensions[1].values");
        var rowsBefore = await page.Locator("[data-testid=trials-table] tbody tr").CountAsync();
        await page.Locator("#tuning-importance .main-svg").First.WaitForAsync(new() { Timeout = 30_000 });
        var ranked = await page.EvaluateAsync<string[]>("() => document.getElementById('tuning-importance').data[0].y");
        // Brush the neurons axis as a user's drag does (Plotly sets the constraint range and fires plotly_restyle).
        var low = neurons.Min();
        await page.EvaluateAsync("low => Plotly.restyle('tuning-parcoords', { 'dimensions[1].constraintrange': [[low - 0.5, low + 0.5]] })", low);
        var expected = neurons.Count(n => Math.Abs(n - low) <= 0.5);
        await page.Locator("[data-testid=trials-table] tbody tr").Nth(expected).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        var rowsAfter = await page.Locator("[data-testid=trials-table] tbody tr").CountAsync();

        Assert.Equal(["log10 learning_rate", "neurons", "validation loss"], labels);
        Assert.Equal(8, lines);
        Assert.Equal(["learning_rate", "neurons"], ranked.Order());
        Assert.Contains("?d=", page.Url, StringComparison.Ordinal); // the address keeps the started study's settings
        Assert.Equal(8, rowsBefore);
        Assert.Equal(expected, rowsAfter);
        Assert.Contains(expected.ToString(CultureInfo.InvariantCulture) + " of 8 trials shown", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
