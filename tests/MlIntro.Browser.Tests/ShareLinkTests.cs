using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>
/// Issue 10 item 3: "Share settings" did nothing visible, and on a classroom server at plain http://&lt;ip&gt; the
/// browser offers no clipboard API at all. Here the app is opened under a non-localhost name over http (Chromium maps
/// classroom.test to the test server), so the page is not a secure context and navigator.clipboard is missing, exactly
/// as in a classroom: the link must show in a read-only field, the Copy fallback must copy it, and "Copied" must show.
/// </summary>
[Collection("browser")]
public sealed class ShareLinkTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Host = "classroom.test";

    /// <summary>Records what a copy command puts on the clipboard: the selected part of the focused field.</summary>
    private const string CopyRecorder = """
        document.addEventListener('copy', () => {
          const a = document.activeElement;
          window.__copied = a && 'value' in a ? a.value.substring(a.selectionStart, a.selectionEnd) : String(getSelection());
        }, true);
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string Origin => $"http://{Host}:{new Uri(fixture.App.BaseUrl).Port}";

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", $"--host-resolver-rules=MAP {Host} 127.0.0.1"],
        });
    }

    [Theory]
    [InlineData("/playground", "?dataset=circle&net=3&seed=2")]
    [InlineData("/optimizers", "")]
    public async Task ShareSettings_OnPlainHttpWithoutClipboardApi_ShowsTheLinkCopiesItAndSaysCopied(string path, string query)
    {
        var page = await OpenAsync(path + query);
        var secure = await page.EvaluateAsync<bool>("() => window.isSecureContext");
        var clipboardApi = await page.EvaluateAsync<bool>("() => navigator.clipboard !== undefined");

        await page.GetByTestId("share").ClickAsync();
        await Assertions.Expect(page.GetByTestId("share-link-status")).ToHaveTextAsync("Copied");
        var field = page.GetByTestId("share-link-url");
        var link = await field.InputValueAsync();
        var copied = await page.EvaluateAsync<string?>("() => window.__copied ?? null");
        var readOnly = await field.GetAttributeAsync("readonly");
        var reopened = await OpenAsync(link[Origin.Length..]);
        await reopened.GetByTestId("share").ClickAsync();
        await Assertions.Expect(reopened.GetByTestId("share-link-status")).ToHaveTextAsync("Copied");
        var linkOfReopened = await reopened.GetByTestId("share-link-url").InputValueAsync();
        var forkProblems = await reopened.GetByTestId("fork-problem").CountAsync();

        Assert.False(secure);
        Assert.False(clipboardApi);
        Assert.StartsWith($"{Origin}{path}?", link, StringComparison.Ordinal);
        Assert.Equal(link, copied);
        Assert.NotNull(readOnly);
        Assert.Equal(link, linkOfReopened);
        Assert.Equal(0, forkProblems);
        await page.Context.CloseAsync();
        await reopened.Context.CloseAsync();
    }

    [Fact]
    public async Task Save_OnPlainHttp_ShowsAndCopiesTheRunsSharedPageLink()
    {
        var page = await OpenAsync("/playground?dataset=circle&net=3&seed=2");
        await page.GetByTestId("step").ClickAsync();
        var runLink = await page.GetByTestId("results-link").GetAttributeAsync("href");

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-link-status")).ToHaveTextAsync("Copied");
        var link = await page.GetByTestId("saved-link-url").InputValueAsync();
        var copied = await page.EvaluateAsync<string?>("() => window.__copied ?? null");

        Assert.Matches("^/e/[A-Za-z0-9_-]+$", runLink);
        Assert.Equal(Origin + runLink, link);
        Assert.Equal(link, copied);
        await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync("Saved at epoch");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Copy_WhenTheBrowserRefusesToCopy_LeavesTheWholeLinkSelectedWithACtrlCHint()
    {
        var page = await OpenAsync("/optimizers", "document.execCommand = () => false;");

        await page.GetByTestId("share").ClickAsync();
        await Assertions.Expect(page.GetByTestId("share-link-status")).ToContainTextAsync("Ctrl+C");
        var link = await page.GetByTestId("share-link-url").InputValueAsync();
        var selected = await page.EvaluateAsync<string>(
            "() => { const a = document.activeElement; return a.dataset.testid === 'share-link-url' ? a.value.substring(a.selectionStart, a.selectionEnd) : ''; }");

        Assert.StartsWith(Origin + "/optimizers?", link, StringComparison.Ordinal);
        Assert.Equal(link, selected);
        await page.Context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>A page of the app at http://classroom.test:port, interactive, with the copy recorder (and an extra script).</summary>
    private async Task<IPage> OpenAsync(string pathAndQuery, string? extraScript = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await context.AddInitScriptAsync(CopyRecorder + (extraScript ?? ""));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(Origin + pathAndQuery);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }
}
