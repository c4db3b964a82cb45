using System.Text;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>Choosing a file in the upload panel (Widgets/UploadPanel).</summary>
internal static class UploadPanelFile
{
    /// <summary>
    /// Chooses the file and waits until the panel answers (its columns or an error). Chosen again when it has not
    /// answered after 15 s: on a loaded machine the file can be chosen before Blazor's InputFile script listens for it,
    /// and then no upload starts at all (seen in CI, and in 1 of 3 runs at load average 20).
    /// </summary>
    public static async Task ChooseAsync(IPage page, string name, string csv)
    {
        var file = new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };
        var answered = page.Locator("[data-testid=upload-label], [data-testid=upload-error]").First;
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("upload-file").SetInputFilesAsync(file);
            try
            {
                await answered.WaitForAsync(new() { Timeout = 15_000 });
                return;
            }
            catch (System.TimeoutException) when (attempt < 3)
            {
                // chosen before the script listened: choose it again
            }
        }
    }
}
