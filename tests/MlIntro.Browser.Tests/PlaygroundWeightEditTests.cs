using System.Globalization;
using Microsoft.Playwright;

namespace MlIntro.Browser.Tests;

/// <summary>Reading and editing a weight in the network picture (issue 10, item 2).</summary>
[Collection("browser")]
public sealed class PlaygroundWeightEditTests(BrowserFixture fixture)
{
    private const string FirstLink = "document.querySelectorAll('#nn-diagram .nn-links .link')[1]";

    private static async Task<double> WeightAsync(IPage page) =>
        double.Parse((await page.EvaluateAsync<string>($"() => {FirstLink}.getAttribute('data-w')"))!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ClickAWeight_TypeAValue_TheNetworkTakesItAndTrainingContinuesFromIt()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=4,2&lr=0.03&seed=3");
        await page.WaitForFunctionAsync($"() => {FirstLink}?.hasAttribute('data-w')");
        var initial = await WeightAsync(page);
        var title = await page.EvaluateAsync<string>($"() => {{ {FirstLink}.dispatchEvent(new MouseEvent('mouseover', {{ bubbles: true }})); return {FirstLink}.querySelector('title').textContent; }}");

        await page.EvaluateAsync($$"""
            () => { const r = {{FirstLink}}.getBoundingClientRect();
                    {{FirstLink}}.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 })); }
            """);
        var editor = page.GetByTestId("weight-editor");
        await editor.FillAsync("2.5");
        await editor.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#nn-diagram .nn-links .link").Nth(1)).ToHaveAttributeAsync("data-w", "2.5000");
        await page.GetByTestId("step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("epoch")).ToHaveTextAsync("1");
        await page.WaitForFunctionAsync($"() => {FirstLink}.getAttribute('data-w') !== '2.5000'");
        var trained = await WeightAsync(page);

        Assert.Equal($"weight {initial.ToString("0.0000", CultureInfo.InvariantCulture)}", title);
        Assert.True(Math.Abs(initial - 2.5) > 0.5, $"the initial weight {initial} should differ from the edit");
        Assert.True(Math.Abs(trained - 2.5) < 0.3, $"one epoch at a rate of 0.03 should start from 2.5, got {trained}");
        await PlaygroundPageTests.CloseAsync(page);
    }

    [Fact]
    public async Task TypeAnInvalidWeight_ThePageSaysTheBound()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=4,2&seed=3");
        await page.WaitForFunctionAsync($"() => {FirstLink}?.hasAttribute('data-w')");

        await page.EvaluateAsync($"() => {FirstLink}.dispatchEvent(new MouseEvent('click', {{ bubbles: true, clientX: 10, clientY: 10 }}))");
        var editor = page.GetByTestId("weight-editor");
        await editor.FillAsync("1000");
        await editor.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("from -100 to 100");
        await PlaygroundPageTests.CloseAsync(page);
    }
}
