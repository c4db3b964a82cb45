using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>What the jets tests do on /jets before they look: train the chosen preset on a small toy sample.</summary>
internal static class JetsPageSteps
{
    /// <summary>Sets epochs and toy jets, trains, and waits for the final test accuracy (a 2-core machine may take a minute).</summary>
    public static async Task TrainToyJetsAsync(IPage page, int epochs, int jets)
    {
        await page.Locator("[data-testid=epochs] input, input[data-testid=epochs]").First.FillAsync(epochs.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=toy-jets] input, input[data-testid=toy-jets]").First.FillAsync(jets.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("train").ClickAsync();
        await page.GetByTestId("test-accuracy").WaitForAsync(new() { Timeout = 90_000 });
    }
}
