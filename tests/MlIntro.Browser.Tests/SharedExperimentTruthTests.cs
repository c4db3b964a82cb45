using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Components.Pages.Optimizers;
using MlIntro.Web.Components.Pages.Playground;

namespace MlIntro.Browser.Tests;

/// <summary>What someone who receives an /e/{id} link sees: the truth about the run, drawn as its lesson draws it.</summary>
[Collection("browser")]
public sealed class SharedExperimentTruthTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ExperimentPage_OfAPlaygroundRunWhoseTabClosed_SaysItsOwnerStoppedItAfterItsEpochs()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var owner = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=4,2&lr=0.03&batch=10&seed=6");
        await owner.GetByTestId("play").ClickAsync();
        await owner.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=epoch]').textContent.replace(/,/g, '')) >= 20");
        var id = (await owner.GetByTestId("results-link").GetAttributeAsync("href"))!.Split('/')[^1];

        // Leaving the page unloads it as closing the tab does (Blazor says goodbye, the circuit and its runs end);
        // Playwright's own close skips the unload handlers.
        await owner.GotoAsync("about:blank");
        await owner.CloseAsync();
        await WaitForStatusAsync(training, id, ExperimentStatus.Cancelled, timeout.Token);
        var (epochs, asked) = await RecordedEpochsAsync(training, id, timeout.Token);
        await using var receiver = await fixture.Browser.NewContextAsync();
        var page = await receiver.NewPageAsync();
        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var expected = string.Create(CultureInfo.InvariantCulture, $"Stopped by its owner after {epochs:N0} epochs.");
        await Assertions.Expect(page.GetByTestId("experiment-outcome")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("Stopped");
        await Assertions.Expect(page.GetByTestId("definition-epochs"))
            .ToHaveTextAsync(string.Create(CultureInfo.InvariantCulture, $"{epochs:N0} of {asked:N0} asked"));
        await BrowserFixture.ScreenshotAsync(page, "experiment-stopped");
        var body = await page.Locator("body").InnerTextAsync();

        Assert.True(epochs >= 20, $"epochs {epochs}");
        Assert.True(asked > epochs, $"asked {asked}, trained {epochs}");
        Assert.DoesNotContain("Cancelled", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ExperimentPage_OfALiveRun_FollowsItUntilItsOwnerStopsIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        const string owner = "browser-shared-live";
        var id = await training.StartAsync(new PlaygroundSettings(Seed: 4).ToDefinition(epochs: 100_000), owner, timeout.Token);
        await using var receiver = await fixture.Browser.NewContextAsync();
        var page = await receiver.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("Running");
        var first = await ShownEpochAsync(page);
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=definition-epochs]').textContent.split(' ')[0].replace(/,/g, '')) > {first}");
        training.Cancel(id, owner);
        await Assertions.Expect(page.Locator(".experiment-status")).ToHaveTextAsync("Stopped");
        var (epochs, _) = await RecordedEpochsAsync(training, id, timeout.Token);

        await Assertions.Expect(page.GetByTestId("experiment-outcome"))
            .ToHaveTextAsync(string.Create(CultureInfo.InvariantCulture, $"Stopped by its owner after {epochs:N0} epochs."));
        await Assertions.Expect(page.GetByTestId("definition-epochs"))
            .ToHaveTextAsync(string.Create(CultureInfo.InvariantCulture, $"{epochs:N0} of 100,000 asked"));
    }

    private static async Task<int> ShownEpochAsync(IPage page) =>
        int.Parse((await page.GetByTestId("definition-epochs").InnerTextAsync()).Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ExperimentPage_OfAPlaygroundRun_DrawsTheDataOverTheBoundaryAndPaintsTheNetwork()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var settings = new PlaygroundSettings(Dataset: "xor", Hidden: "4,2", Features: "x1,x2,x1*x2", Seed: 8);
        var id = await training.StartAsync(settings.ToDefinition(epochs: 15), "browser-shared-playground", timeout.Token);
        await RunToEndAsync(training, id, timeout.Token);
        await using var receiver = await fixture.Browser.NewContextAsync();
        var page = await receiver.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("stored-network")).ToHaveAttributeAsync("data-painted-epoch", "15");
        await page.WaitForFunctionAsync("() => (document.getElementById('experiment-boundary')?.data || []).length >= 2");
        var traces = await page.EvaluateAsync<JsonElement>(
            "() => document.getElementById('experiment-boundary').data.map(t => ({ type: t.type, name: t.name || '', points: (t.x || []).length }))");
        var canvases = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('[data-testid=stored-network] canvas.neuron')].map(c => ({
                id: c.id, width: c.width, alpha: c.getContext('2d').getImageData(0, 0, 1, 1).data[3] }))
            """);
        var weightedLinks = await page.Locator("[data-testid=stored-network] .nn-links .link[data-w]").CountAsync();
        var editingButtons = await page.Locator("[data-testid=stored-network] [data-testid=add-layer]").IsVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "experiment-playground");

        // Heatmap first, then the 250 training points (500 drawn, 50% for training) over it.
        Assert.Equal("heatmap", traces[0].GetProperty("type").GetString());
        var points = traces.EnumerateArray().Skip(1).Single(t => t.GetProperty("name").GetString() == "training data");
        Assert.Equal("scatter", points.GetProperty("type").GetString());
        Assert.Equal(250, points.GetProperty("points").GetInt32());
        // 4 + 2 hidden neurons, the output and all 7 input features, each painted at its resolution (a blank canvas is 300 wide).
        var byId = canvases.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c);
        string[] painted = ["neuron-0", "neuron-1", "neuron-2", "neuron-3", "neuron-4", "neuron-5", "nn-output-0", "feature-0"];
        Assert.All(painted, canvas => Assert.NotEqual(300, byId[canvas].GetProperty("width").GetInt32()));
        Assert.All(painted, canvas => Assert.Equal(255, byId[canvas].GetProperty("alpha").GetInt32()));
        Assert.False(byId.ContainsKey("neuron-6"));
        // 3 inputs · 4 + 4 · 2 + 2 · 1 weights, each link styled by its weight.
        Assert.Equal(22, weightedLinks);
        Assert.False(editingButtons);
    }

    [Fact]
    public async Task ExperimentPage_OfASurfaceRace_Shows3DLossAndDistanceChartsInTheLivePagesColours()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var definition = RaceSettings.Slide.ToDefinition() with { Surface = RaceSettings.Slide.ToDefinition().Surface! with { Steps = 300 } };
        var id = await training.StartAsync(definition, "browser-shared-race", timeout.Token);
        await RunToEndAsync(training, id, timeout.Token);
        var live = await fixture.NewPageAsync();
        await live.GotoAsync(fixture.App.BaseUrl + "/optimizers");
        await live.WaitForFunctionAsync("() => ['optimizers-loss', 'optimizers-surface'].every(id => (document.getElementById(id)?.data || []).length > 1)");
        var liveColours = await ColoursAsync(live, "optimizers-loss");
        var liveTrails = await ColoursAsync(live, "optimizers-surface");
        await live.CloseAsync();
        await using var receiver = await fixture.Browser.NewContextAsync();
        var page = await receiver.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await Assertions.Expect(page.GetByTestId("stored-race")).ToHaveAttributeAsync("data-loaded", "true");
        await page.WaitForFunctionAsync("() => document.getElementById('optimizers-loss').data.every(t => t.y.length === 301)");
        var surface = await page.EvaluateAsync<JsonElement>(
            "() => document.getElementById('optimizers-surface').data.map(t => ({ type: t.type, points: (t.z || []).length }))");
        var distances = await page.EvaluateAsync<int[]>("() => document.getElementById('optimizers-distance').data.map(t => t.y.length)");
        var storedColours = await ColoursAsync(page, "optimizers-loss");
        var storedTrails = await ColoursAsync(page, "optimizers-surface");
        await BrowserFixture.ScreenshotAsync(page, "experiment-surface-race");

        var names = definition.Race!.Select(r => r.Name).ToList();
        Assert.Equal(names, storedColours.Keys);
        Assert.Equal(liveColours, storedColours);
        Assert.Equal(liveTrails, storedTrails);
        Assert.Equal(7, storedColours.Values.Distinct().Count());
        Assert.Equal("surface", surface[0].GetProperty("type").GetString());
        Assert.All(surface.EnumerateArray().Skip(1), t => Assert.Equal("scatter3d", t.GetProperty("type").GetString()));
        Assert.All(surface.EnumerateArray().Skip(1), t => Assert.Equal(301, t.GetProperty("points").GetInt32()));
        Assert.Equal(Enumerable.Repeat(301, names.Count), distances);
    }

    [Fact]
    public async Task ExperimentPage_OfANetworkRace_UsesTheLivePanelsColours()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var live = await fixture.NewPageAsync();
        await live.GotoAsync(fixture.App.BaseUrl + "/optimizers");
        await live.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await live.GetByTestId("network-start").ClickAsync();
        var id = (await live.GetByTestId("network-results-link").GetAttributeAsync("href"))!.Split('/')[^1];
        await live.WaitForFunctionAsync("() => (document.getElementById('network-race-loss')?.data || []).length > 1");
        var liveColours = await ColoursAsync(live, "network-race-loss");
        await live.GetByTestId("network-stop").ClickAsync();
        await WaitForStatusAsync(training, id, ExperimentStatus.Cancelled, timeout.Token);
        await live.CloseAsync();
        await using var receiver = await fixture.Browser.NewContextAsync();
        var page = await receiver.NewPageAsync();

        await page.GotoAsync($"{fixture.App.BaseUrl}/e/{id}");
        await page.WaitForFunctionAsync("() => (document.getElementById('experiment-race-loss')?.data || []).length > 1");
        var storedColours = await ColoursAsync(page, "experiment-race-loss");

        Assert.Equal(liveColours, storedColours);
        await Assertions.Expect(page.GetByTestId("experiment-outcome")).ToContainTextAsync("Stopped by its owner");
    }

    /// <summary>Racer name → line colour of a chart's traces that have a line.</summary>
    private static async Task<Dictionary<string, string>> ColoursAsync(IPage page, string chart)
    {
        var pairs = await page.EvaluateAsync<string[][]>(
            $"() => document.getElementById('{chart}').data.filter(t => t.line && t.line.color).map(t => [t.name, t.line.color])");
        return pairs.ToDictionary(p => p[0], p => p[1]);
    }

    private static async Task RunToEndAsync(TrainingService training, string id, CancellationToken cancellationToken)
    {
        await foreach (var _ in training.WatchAsync(id, cancellationToken))
        {
            // run to the end
        }
    }

    /// <summary>A closed tab's circuit is disposed (its runs cancelled) once the browser says goodbye; that may take a moment.</summary>
    private static async Task WaitForStatusAsync(TrainingService training, string id, ExperimentStatus status, CancellationToken cancellationToken)
    {
        while (training.LiveStatus(id) != status)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The last epoch recorded by a finished run, read from its replay, and the epochs its definition asked for.</summary>
    private static async Task<(int Epochs, int Asked)> RecordedEpochsAsync(TrainingService training, string id, CancellationToken cancellationToken)
    {
        var last = 0;
        await foreach (var e in training.WatchAsync(id, cancellationToken))
        {
            last = e.Metrics?.Epoch ?? last;
        }
        var stored = await training.FindAsync(id, cancellationToken);
        return (last, stored!.Definition.RequiredTraining.Epochs);
    }
}
