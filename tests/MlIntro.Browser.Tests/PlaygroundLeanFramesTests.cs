using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests;

/// <summary>The Playground's live traffic: frames carry the network's numbers, the browser draws them (issue 10, item 1).</summary>
[Collection("browser")]
public sealed class PlaygroundLeanFramesTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string LargestNetwork = "?dataset=spiral&f=x1,x2&net=8,8,8,8,8,8&lr=0.03&seed=4";

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(8);

    private const string EpochNow = "() => Number(document.querySelector('[data-testid=epoch]').textContent.replace(/,/g, ''))";

    [Fact]
    public async Task Training_LargestNetwork_ReceivesAtMost25KilobytesPerSecond()
    {
        var page = await fixture.NewPageAsync();
        long received = 0;
        var counting = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (Volatile.Read(ref counting) == 1)
            {
                Interlocked.Add(ref received, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
            }
        };
        await page.GotoAsync(fixture.App.BaseUrl + "/playground" + LargestNetwork);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId("play").ClickAsync();
        await page.WaitForFunctionAsync(EpochNow + " >= 5", null, new() { Timeout = 60_000 });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var firstEpoch = await page.EvaluateAsync<double>(EpochNow);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref counting, 1);
        await page.WaitForTimeoutAsync((float)Window.TotalMilliseconds);
        Volatile.Write(ref counting, 0);
        var seconds = clock.Elapsed.TotalSeconds;
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / seconds;
        var epochs = await page.EvaluateAsync<double>(EpochNow) - firstEpoch;
        await page.GetByTestId("play").ClickAsync();
        var perSecond = Interlocked.Read(ref received) / seconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"6x8: {perSecond / 1024:F1} KB/s received over {seconds:F1} s, {epochs / seconds:F1} epochs/s, server+test process {cores:F2} cores"));

        Assert.True(epochs > 0, "the run should train while bytes are counted");
        Assert.True(perSecond <= 25 * 1024, $"received {perSecond / 1024:F1} KB/s, allowed 25 KB/s");
        await PlaygroundPageTests.CloseAsync(page);
    }
}
