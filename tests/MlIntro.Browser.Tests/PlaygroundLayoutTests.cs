using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests;

/// <summary>The Playground at a laptop's and a phone's size, by keyboard, and in the teacher's view (issue 10, items 2, 4, 5).</summary>
[Collection("browser")]
public sealed class PlaygroundLayoutTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static async Task<IPage> OpenAtAsync(BrowserFixture fixture, int width, int height, string query = "")
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, query);
        await page.SetViewportSizeAsync(width, height);
        await page.Locator("#playground-loss .main-svg").First.WaitForAsync();
        await page.Locator("#playground-boundary .main-svg").First.WaitForAsync();
        // Plotly draws at its default size first and resizes to the layout when the chart is set up (seen 350 px once
        // under load): measure the charts once they have their own sizes.
        await page.WaitForFunctionAsync("""
            () => ['playground-loss', 'playground-boundary'].every(id => {
              const gd = document.getElementById(id), svg = gd && gd.querySelector('.main-svg');
              return svg && gd.layout && gd.layout.height && Math.abs(svg.getBoundingClientRect().height - gd.layout.height) < 1;
            })
            """);
        return page;
    }

    [Fact]
    public async Task At1280x720_ControlsNetworkMapAndLossChart_AreAllInTheViewport()
    {
        var page = await OpenAtAsync(fixture, 1280, 720);

        var boxes = new Dictionary<string, LocatorBoundingBoxResult>();
        // The charts' drawn SVGs (Plotly's container div keeps a default height below a shorter chart).
        foreach (var selector in new[] { "[data-testid=playground-controls]", "#nn-diagram", "#playground-boundary .main-svg", "#playground-loss .main-svg" })
        {
            boxes[selector] = (await page.Locator(selector).First.BoundingBoxAsync())!;
        }
        var scroll = await page.EvaluateAsync<double[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight]");
        foreach (var (selector, box) in boxes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{selector}: x {box.X:F0}..{box.X + box.Width:F0}, y {box.Y:F0}..{box.Y + box.Height:F0}"));
        }
        await BrowserFixture.ScreenshotAsync(page, "playground-1280x720");

        Assert.All(boxes, b => Assert.True(b.Value.Y >= 0 && b.Value.Y + b.Value.Height <= 720 && b.Value.X >= 0 && b.Value.X + b.Value.Width <= 1280,
            $"{b.Key} at x {b.Value.X}..{b.Value.X + b.Value.Width}, y {b.Value.Y}..{b.Value.Y + b.Value.Height} is not inside 1280x720"));
        Assert.True(scroll[0] <= 1280, $"page is {scroll[0]} px wide");
        await PlaygroundPageTests.CloseAsync(page);
    }

    [Fact]
    public async Task At390x844_ThePageStacksInOneColumn_WithoutHorizontalScrolling()
    {
        var page = await OpenAtAsync(fixture, 390, 844);

        var width = await page.EvaluateAsync<double>("() => document.scrollingElement.scrollWidth");
        var network = (await page.Locator("#nn-diagram").BoundingBoxAsync())!;
        var map = (await page.Locator("#playground-boundary").BoundingBoxAsync())!;
        await BrowserFixture.ScreenshotAsync(page, "playground-390x844");

        Assert.True(width <= 390, $"page is {width} px wide");
        Assert.True(map.Y >= network.Y + network.Height - 1, "the map should come below the network in one column");
        await PlaygroundPageTests.CloseAsync(page);
    }

    [Fact]
    public async Task Keyboard_TabToAFeatureAndPressEnter_TogglesItAndShowsAFocusRing_NeuronButtonsWork()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&f=x1,x2&net=4,2");
        var feature = page.Locator("[data-feature='x1^2']");

        for (var i = 0; i < 200 && !await feature.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var outline = await feature.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(feature).ToHaveAttributeAsync("data-selected", "true");
        await page.WaitForURLAsync("**f=x1,x2,x1%5E2**");
        await page.Locator("[data-feature='x1^2']").FocusAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("[data-feature='x1^2']")).ToHaveAttributeAsync("data-selected", "false");
        await page.GetByRole(AriaRole.Button, new() { Name = "more neurons" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("layer-1-size")).ToHaveTextAsync("5 neurons");

        Assert.NotEqual("none", outline);
        await PlaygroundPageTests.CloseAsync(page);
    }

    [Fact]
    public async Task HideControls_InTheUrl_HidesTheControlsButKeepsRunButtonsNetworkAndMap()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=xor&net=4,2&hide=controls");

        var controls = await page.GetByTestId("playground-controls").CountAsync();
        var play = await page.GetByTestId("play").IsVisibleAsync();
        var network = await page.Locator("#nn-diagram").IsVisibleAsync();
        var map = await page.Locator("#playground-boundary").IsVisibleAsync();

        Assert.Equal(0, controls);
        Assert.True(play && network && map);
        await PlaygroundPageTests.CloseAsync(page);
    }
}
