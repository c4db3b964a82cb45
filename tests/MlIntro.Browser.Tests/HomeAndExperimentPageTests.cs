using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlIntro.Core.Experiments;
using MlIntro.Training;

namespace MlIntro.Browser.Tests;

[Collection("browser")]
public sealed class HomeAndExperimentPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_FollowingThePlaygroundLink_OpensTheLesson()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.App.BaseUrl + "/");
        // A click before the circuit is up would race the prerendered page's own navigation.
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var lessons = await page.Locator(".lesson").AllInnerTextsAsync();
        var links = await page.Locator(".lesson a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        await page.GetByRole(AriaRole.Link, new() { Name = "Visualizing how a neural network works" }).ClickAsync();
        await page.WaitForURLAsync("**/playground");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // The lecture's order, every lesson a link.
        Assert.Equal(7, lessons.Count);
        Assert.Contains("Optimizers", lessons[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Likelihood ratios", lessons[2], StringComparison.Ordinal);
        Assert.Contains("Evaluating a classifier", lessons[3], StringComparison.Ordinal);
        Assert.Contains("overfitting", lessons[4], StringComparison.Ordinal);
        Assert.Contains("Jet classification", lessons[5], StringComparison.Ordinal);
        Assert.Contains("Tuning", lessons[6], StringComparison.Ordinal);
        Assert.Equal(["/playground", "/optimizers", "/likelihood", "/evaluation", "/overfitting", "/jets", "/tuning"], links);
        Assert.Contains("Toy data", await page.GetByTestId("data-label").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task ExperimentPage_OfAFinishedRun_ShowsItsLossCurve()
    {
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var definition = new ExperimentDefinition(
            Lesson.Playground,
            new DataSpec("circle", 200, 0, 0.5, ["x1^2", "x2^2"]),
            new ModelSpec([]),
            new OptimizerSpec(OptimizerKind.Adam, 0.05),
            new TrainingSpec(Epochs: 30, BatchSize: 10),
            Seed: 3);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await training.StartAsync(definition, "browser-test", timeout.Token);
        await foreach (var _ in training.WatchAsync(id, timeout.Token))
        {
            // run to the end
        }
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var chart = page.Locator(".loss-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "30", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("Finished");
        await Assertions.Expect(page.Locator(".epoch-summary")).ToContainTextAsync("Epoch 30");
        await Assertions.Expect(page.Locator("#experiment-loss .scatterlayer .trace path.js-line")).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync("() => (document.getElementById('experiment-roc')?.data || []).some(t => /AUC/.test(t.name || ''))");
        await Assertions.Expect(page.GetByTestId("experiment-confusion").Locator("tbody tr")).ToHaveCountAsync(2);
        var epochs = await page.EvaluateAsync<int[][]>("() => document.getElementById('experiment-loss').data.map(t => Array.from(t.x))");
        await BrowserFixture.ScreenshotAsync(page, "experiment");

        // Each curve holds each epoch once, in order (points drawn twice once slipped through before the first plot).
        Assert.All(epochs, x => Assert.Equal(Enumerable.Range(1, 30), x));
        await page.CloseAsync();
    }
}
