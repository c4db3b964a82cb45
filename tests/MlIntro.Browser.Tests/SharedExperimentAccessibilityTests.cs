using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Optimizers;
using Xunit.Abstractions;

namespace MlIntro.Browser.Tests;

/// <summary>Issue 10 item 4 on the shared pages of every lesson's runs, as a student opens a link a classmate sent.</summary>
[Collection("browser")]
public sealed class SharedExperimentAccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly OptimizerSpec Adam = new(OptimizerKind.Adam, 0.01);

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var run in new[] { "surface-race", "network-race", "evaluation", "toy-jets", "study" })
        {
            data.Add(run, 1280);
            data.Add(run, 390);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task SharedExperimentPage_OfAFinishedRun_HasNoSeriousViolationAndFitsTheWindow(string run, int width)
    {
        var id = await TrainAsync(Definition(run));
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 844 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("Finished");
        var problems = await AccessibilityAndLayoutTests.ViolationsAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var headings = await page.Locator("h1").CountAsync();
        var mains = await page.Locator("main, [role=main]").CountAsync();
        await BrowserFixture.ScreenshotAsync(page, $"shared-{run}-{width}");
        problems.ForEach(output.WriteLine);

        Assert.Empty(problems);
        Assert.True(overflow <= 0, $"/e/{{id}} of a {run} run at {width} px is {overflow} px wider than the window");
        Assert.Equal(1, headings);
        Assert.Equal(1, mains);
        await context.CloseAsync();
    }

    private static ExperimentDefinition Definition(string run) => run switch
    {
        "surface-race" => new ExperimentDefinition(
            Lesson.Optimizers, new DataSpec("spiral", Points: 10), new ModelSpec([]), Adam, new TrainingSpec(1, 1),
            Race: OptimizerPresets.Slide, Surface: new SurfaceSpec("lecture", Steps: 100)),
        "network-race" => new ExperimentDefinition(
            Lesson.Optimizers, new DataSpec("circle", 100), new ModelSpec([new HiddenLayer(4)]), Adam, new TrainingSpec(5, 10),
            Race: [new NamedOptimizer("GD 0.1", new OptimizerSpec(OptimizerKind.GD, 0.1)), new NamedOptimizer("Adam 0.01", Adam)]),
        "evaluation" => new ExperimentDefinition(
            Lesson.Evaluation, new DataSpec("gauss2d-tutorial", TrainFraction: 0.7), new ModelSpec([new HiddenLayer(8)]), Adam, new TrainingSpec(5, 32)),
        "study" => new ExperimentDefinition(
            Lesson.Tuning, new DataSpec("circle", 100), new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
            new OptimizerSpec(OptimizerKind.GD, 0.03), new TrainingSpec(20, 10), Seed: 1,
            Study: new MlIntro.Core.Tuning.StudySpec(
                new MlIntro.Core.Tuning.SearchSpace(LearningRate: new MlIntro.Core.Tuning.FloatRange(0.003, 0.3, Log: true), Neurons: new MlIntro.Core.Tuning.IntRange(2, 6)),
                Trials: 8, Population: 8, Pruning: new MlIntro.Core.Tuning.PruningSpec(2, 5))),
        _ => new ExperimentDefinition(
            Lesson.Jets, new DataSpec("toy-jets", Points: 2_000), new ModelSpec([new HiddenLayer(16)], Activation.ReLU), Adam, new TrainingSpec(3, 64)),
    };

    private async Task<string> TrainAsync(ExperimentDefinition definition)
    {
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var id = await training.StartAsync(definition, "browser-shared-accessibility", timeout.Token);
        await foreach (var _ in training.WatchAsync(id, timeout.Token))
        {
            // run to the end
        }
        return id;
    }
}
