using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>One app server and one Debian Chromium for all browser tests (never a downloaded browser).</summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly string _environment;
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this("Development")
    {
    }

    /// <param name="environment">The app server's environment (see <see cref="AppServer"/>).</param>
    protected BrowserFixture(string environment) => _environment = environment;

    public AppServer App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // CI shares 2 cores between the server, its training threads and Chromium: give expectations room.
        Assertions.SetDefaultExpectTimeout(20_000);
        App = new AppServer(_environment);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh page whose console errors are collected, with generous timeouts for a 2-core CI machine.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Saves a screenshot when MLINTRO_SCREENSHOTS names a folder (for looking at what the tests saw).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MLINTRO_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        try
        {
            await App.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // the shutdown timeout cut lingering circuits short: nothing is lost in a test server
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>;

/// <summary>The same, with the app in Production: security headers and the Content Security Policy on.</summary>
public sealed class ProductionBrowserFixture() : BrowserFixture("Production");
