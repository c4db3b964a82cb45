using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>The optimizers page after its fixes: surface switch, selected surface, layout, default surface, divergence.</summary>
[Collection("browser")]
public sealed class OptimizersPageFixesTests(BrowserFixture fixture)
{
    private const string Contour = "document.getElementById('optimizers-contour')";

    private static async Task<IPage> OpenAsync(BrowserFixture fixture, string query = "", ViewportSize? viewport = null)
    {
        var page = await fixture.NewPageAsync();
        if (viewport is not null)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
        await page.GotoAsync(fixture.App.BaseUrl + "/optimizers" + query);
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#optimizers-contour .main-svg").First.WaitForAsync();
        return page;
    }

    /// <summary>Points in trace <paramref name="trace"/> of the chart with id <paramref name="chart"/> (0 when it has none).</summary>
    private static string Points(string chart, int trace) =>
        $"((document.getElementById('{chart}').data[{trace}] || {{}}).x || []).length";

    private static async Task PlayToTheEndAsync(IPage page, int steps)
    {
        await page.GetByTestId("speed").SelectOptionAsync("25");
        await page.GetByTestId("play").ClickAsync();
        // The 3D trails make frames slow on a shared 2-core machine without a GPU.
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync(steps.ToString(CultureInfo.InvariantCulture), new() { Timeout = 90_000 });
    }

    [Fact]
    public async Task SwitchSurface_AfterARace_ClearsTrailsStepChartsAndTheStepCounter()
    {
        var page = await OpenAsync(fixture, "?steps=100");
        await PlayToTheEndAsync(page, 100);
        Assert.Equal(101, await page.EvaluateAsync<int>($"() => {Points("optimizers-loss", 0)}"));

        await page.GetByTestId("surface-rosenbrock").ClickAsync();

        await Assertions.Expect(page.GetByTestId("surface-rosenbrock")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("0");
        await page.WaitForFunctionAsync($"() => {Points("optimizers-loss", 0)} === 0 && {Points("optimizers-contour", 1)} === 0");
        var left = await page.EvaluateAsync<int[]>(
            $"() => [{Points("optimizers-contour", 1)}, {Points("optimizers-contour", 8)}, {Points("optimizers-surface", 1)}, {Points("optimizers-loss", 6)}, {Points("optimizers-distance", 0)}]");
        // The 100-step race had stretched the step axis to 100; the empty chart starts afresh.
        var lossAxisEnd = await page.EvaluateAsync<double>("() => document.getElementById('optimizers-loss')._fullLayout.xaxis.range[1]");
        await BrowserFixture.ScreenshotAsync(page, "optimizers-switched");
        Assert.Equal([0, 0, 0, 0, 0], left);
        Assert.InRange(lossAxisEnd, 0, 50);

        // The next race on the new surface still scales the cleared charts to its own data (one step: about 0..1).
        await page.GetByTestId("step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");
        var nextAxisEnd = await page.EvaluateAsync<double>("() => document.getElementById('optimizers-loss')._fullLayout.xaxis.range[1]");
        Assert.InRange(nextAxisEnd, 0.5, 2);
        await page.CloseAsync();
    }

    [Fact]
    public async Task SurfacePicker_ChosenSurface_IsPressedAndLooksDifferent()
    {
        var page = await OpenAsync(fixture);
        const string Background = "e => getComputedStyle(e).backgroundColor";

        await page.GetByTestId("surface-beale").ClickAsync();

        await Assertions.Expect(page.GetByTestId("surface-beale")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("surface-lecture+f1")).ToHaveAttributeAsync("aria-pressed", "false");
        var chosen = await page.GetByTestId("surface-beale").EvaluateAsync<string>(Background);
        var other = await page.GetByTestId("surface-saddle").EvaluateAsync<string>(Background);
        Assert.NotEqual(other, chosen);
        Assert.Equal(1, await page.Locator("[data-testid=surface-picker] [aria-pressed=true]").CountAsync());
        await page.CloseAsync();
    }

    /// <summary>The widest table the page allows: every kind, long numbers in every field.</summary>
    private const string WideRacers = "?r=nadam:0.0123456789:beta1=0.912345678,beta2=0.99912345678,epsilon=0.000123456789,weightDecay=0.0123456789"
        + ";adamw:0.0123456789:beta1=0.912345678,beta2=0.99912345678,epsilon=0.000123456789,weightDecay=0.0123456789"
        + ";ftrl:0.0123456789:initialAccumulator=0.123456789,l1=0.00123456789,l2=0.00123456789,lrPower=-0.512345678,weightDecay=0.0123456789"
        + ";rmsprop:0.0123456789:decay=0.912345678,momentum=0.912345678,epsilon=0.000123456789,weightDecay=0.0123456789"
        + ";nesterov:0.0123456789:momentum=0.912345678,weightDecay=0.0123456789;adadelta:50.123456789:rho=0.912345678";

    [Theory]
    [InlineData(1280, 720, "")]
    [InlineData(1440, 900, "")]
    [InlineData(1280, 720, WideRacers)]
    [InlineData(1440, 900, WideRacers)]
    public async Task RacerTable_AtDesktopWidths_DoesNotOverlapTheTextColumn(int width, int height, string query)
    {
        var page = await OpenAsync(fixture, query, new ViewportSize { Width = width, Height = height });

        var table = await page.GetByTestId("racers").BoundingBoxAsync();
        var text = await page.GetByTestId("optimizers-text").BoundingBoxAsync();

        await BrowserFixture.ScreenshotAsync(page, $"optimizers-{width}{(query.Length > 0 ? "-wide" : "")}");
        Assert.NotNull(table);
        Assert.NotNull(text);
        var apart = table.X + table.Width <= text.X || text.X + text.Width <= table.X
            || table.Y + table.Height <= text.Y || text.Y + text.Height <= table.Y;
        Assert.True(apart, $"table ({table.X}, {table.Y}, {table.Width}×{table.Height}) overlaps text ({text.X}, {text.Y}, {text.Width}×{text.Height})");
        Assert.True(table.X + table.Width <= width, $"table ends at {table.X + table.Width} px, beyond the {width} px window");
        await page.CloseAsync();
    }

    [Fact]
    public async Task RacerTable_AtPhoneWidth_StacksAboveTheText()
    {
        var page = await OpenAsync(fixture, viewport: new ViewportSize { Width = 390, Height = 844 });

        var table = await page.GetByTestId("racers").BoundingBoxAsync();
        var text = await page.GetByTestId("optimizers-text").BoundingBoxAsync();

        Assert.NotNull(table);
        Assert.NotNull(text);
        Assert.True(table.Y + table.Height <= text.Y, $"table bottom {table.Y + table.Height}, text top {text.Y}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Default_IsLectureWithF1_AndAllSevenRacersLeaveTheStart()
    {
        // No surface in the query: the page's default. 300 of the slide's 1,000 steps keep the animation short on CI.
        var page = await OpenAsync(fixture, "?steps=300");
        await Assertions.Expect(page.GetByTestId("surface-lecture+f1")).ToHaveAttributeAsync("aria-pressed", "true");

        await PlayToTheEndAsync(page, 300);

        // Contour traces 8..14 are the seven racers' markers (0 contour, 1..7 trails).
        var markers = await page.EvaluateAsync<double[][]>($"() => [8, 9, 10, 11, 12, 13, 14].map(i => [{Contour}.data[i].x[0], {Contour}.data[i].y[0]])");
        var legend = await page.Locator("#optimizers-contour .legendtext").AllTextContentsAsync();
        Assert.Equal(7, markers.Length);
        Assert.All(markers, m => Assert.True(Math.Abs(m[0] - 0.75) + Math.Abs(m[1] - 1.0) > 0.1, $"a racer stayed near the start: ({m[0]}, {m[1]})"));
        Assert.Equal(0, await page.Locator("[data-diverged]").CountAsync());
        Assert.DoesNotContain(legend, l => l.Contains("diverged", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Play_GdAtRate5OnLectureWithF1_MarksItDivergedAndResetOrASurfaceSwitchTakesTheMarkBack()
    {
        // Plain GD at rate 5 jumps off the picture at step 2 (RacePlaybackTests recomputes it); Adam stays on it.
        var page = await OpenAsync(fixture, "?surface=lecture%2Bf1&start=0.75,1&steps=50&r=adam:0.05;gd:5");

        await PlayToTheEndAsync(page, 50);

        var mark = page.Locator("[data-diverged]");
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        await Assertions.Expect(mark).ToHaveAttributeAsync("data-racer", "GD 5");
        await Assertions.Expect(mark).ToHaveAttributeAsync("data-diverged", "2");
        await Assertions.Expect(page.Locator("#optimizers-contour .legendtext", new() { HasText = "GD 5 — diverged at step 2" })).ToHaveCountAsync(1);
        // Markers: trace 3 is Adam's, trace 4 GD's (0 contour, 1..2 trails).
        var symbols = await page.EvaluateAsync<string[]>($"() => [{Contour}.data[3].marker.symbol, {Contour}.data[4].marker.symbol]");
        await BrowserFixture.ScreenshotAsync(page, "optimizers-diverged");
        Assert.Equal(["circle", "x"], symbols);

        await page.GetByTestId("reset").ClickAsync();

        await Assertions.Expect(mark).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#optimizers-contour .legendtext", new() { HasText = "diverged" })).ToHaveCountAsync(0);

        await PlayToTheEndAsync(page, 50);
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        await page.GetByTestId("surface-saddle").ClickAsync();

        await Assertions.Expect(mark).ToHaveCountAsync(0);
        // Empty trails have no legend entry (Plotly hides traces without points), so read the names off the traces.
        await page.WaitForFunctionAsync($"() => {Contour}.data[0].name === 'saddle'");
        var names = await page.EvaluateAsync<string[]>($"() => {Contour}.data.map(t => t.name)");
        // The loss chart keeps its traces across the switch (same racers): clear() must have taken the mark off.
        var lossNames = await page.EvaluateAsync<string[]>("() => document.getElementById('optimizers-loss').data.map(t => t.name)");
        await Assertions.Expect(page.Locator("#optimizers-contour .contourlevel").First).ToBeAttachedAsync();
        Assert.Equal(["saddle", "Adam 0.05", "GD 5", "Adam 0.05", "GD 5", "start"], names);
        Assert.Equal(["Adam 0.05", "GD 5"], lossNames);
        await page.CloseAsync();
    }
}
