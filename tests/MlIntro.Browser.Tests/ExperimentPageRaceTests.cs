using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Optimizers;

namespace MlIntro.Browser.Tests;

[Collection("browser")]
public sealed class ExperimentPageRaceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ExperimentPage_OfASurfaceRace_DrawsEveryRacersPathOnTheContour()
    {
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var racers = OptimizerPresets.Slide;
        var definition = new ExperimentDefinition(
            Lesson.Optimizers,
            new DataSpec("spiral", Points: 10),
            new ModelSpec([]),
            racers[0].Optimizer,
            new TrainingSpec(1, 1),
            Race: racers,
            Surface: new SurfaceSpec("lecture", Steps: 200));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await training.StartAsync(definition, "browser-race-test", timeout.Token);
        await foreach (var _ in training.WatchAsync(id, timeout.Token))
        {
            // run to the end
        }
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        // The shared page draws a race with the live Optimizers page's charts: trails are contour traces 1..n.
        await Assertions.Expect(page.GetByTestId("stored-race")).ToHaveAttributeAsync("data-loaded", "true");
        await page.WaitForFunctionAsync("() => (document.getElementById('optimizers-contour').data || []).filter(t => t.type === 'scatter' && t.mode === 'lines' && t.x.length === 201).length === 7");
        var dataLabel = await page.Locator(".data-label").InnerTextAsync();
        await BrowserFixture.ScreenshotAsync(page, "experiment-race");

        Assert.Contains("Analytic loss surface", dataLabel, StringComparison.Ordinal);
        Assert.Equal("Finished", (await page.Locator(".experiment-status").InnerTextAsync()).Trim());
        await page.CloseAsync();
    }

    [Fact]
    public async Task ExperimentPage_OfANetworkRace_DrawsOneCurvePerOptimizer()
    {
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var definition = new ExperimentDefinition(
            Lesson.Optimizers,
            new DataSpec("circle", 100, 0, 0.5, ["x1^2", "x2^2"]),
            new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.GD, 0.1),
            new TrainingSpec(Epochs: 12, BatchSize: 10),
            Seed: 4,
            Race: [new NamedOptimizer("GD 0.1", new OptimizerSpec(OptimizerKind.GD, 0.1)), new NamedOptimizer("Adam 0.01", new OptimizerSpec(OptimizerKind.Adam, 0.01))]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await training.StartAsync(definition, "browser-network-race-test", timeout.Token);
        await foreach (var _ in training.WatchAsync(id, timeout.Token))
        {
            // run to the end
        }
        var page = await fixture.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        // Each chart flushes on its own timer: wait for both.
        await page.WaitForFunctionAsync("() => ['experiment-race-loss', 'experiment-race-accuracy'].every(id => (document.getElementById(id).data || []).filter(t => t.x.length === 12).length === 2)");
        var names = await page.EvaluateAsync<string[]>("() => document.getElementById('experiment-race-accuracy').data.map(t => t.name)");
        var epochs = await page.EvaluateAsync<int[][]>("() => document.getElementById('experiment-race-loss').data.map(t => Array.from(t.x))");

        Assert.Equal(["GD 0.1", "Adam 0.01"], names);
        Assert.All(epochs, x => Assert.Equal(Enumerable.Range(1, 12), x));
        await page.CloseAsync();
    }
}
