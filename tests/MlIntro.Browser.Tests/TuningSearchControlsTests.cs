using Microsoft.Playwright;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Pages.Tuning;

namespace MlIntro.Browser.Tests;

/// <summary>A fork link of a study that searches the optimizer and dropout fills /tuning's controls, and the study it starts charts both.</summary>
[Collection("browser")]
public sealed class TuningSearchControlsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OpenForkLink_OptimizerAndDropoutStudy_ControlsFilledAndTheStudyChartsBoth()
    {
        var settings = new TuningSettings(Trials: 4, Population: 4, Epochs: 5, SearchNeurons: false, SearchOptimizer: true,
            SearchDropout: true, DropoutLow: 0.1, DropoutHigh: 0.3)
            .WithOptimizer(OptimizerKind.Momentum, false).WithOptimizer(OptimizerKind.Adam, false).WithOptimizer(OptimizerKind.Adagrad, true);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.App.BaseUrl + DefinitionLink.ForLesson(settings.Definition()));
        await page.Locator(".page-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var ticked = new Dictionary<string, bool>();
        foreach (var name in new[] { "Optimizer", "GD", "Momentum", "Adagrad", "Adam", "Dropout (every hidden layer)" })
        {
            ticked[name] = await page.GetByLabel(name, new() { Exact = true }).IsCheckedAsync();
        }
        var dropoutTo = await page.GetByLabel("dropout to", new() { Exact = true }).InputValueAsync();
        await page.GetByTestId("start").ClickAsync();
        await page.Locator("[data-testid=status]:text('finished')").WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-testid=parallel-coordinates][data-trials='4'] .main-svg").First.WaitForAsync(new() { Timeout = 20_000 });
        var labels = await page.EvaluateAsync<string[]>("() => document.getElementById('tuning-parcoords').data[0].dimensions.map(d => d.label)");

        Assert.Equal(new Dictionary<string, bool>
        {
            ["Optimizer"] = true, ["GD"] = true, ["Momentum"] = false, ["Adagrad"] = true, ["Adam"] = false, ["Dropout (every hidden layer)"] = true,
        }, ticked);
        Assert.Equal("0.3", dropoutTo);
        Assert.Contains("optimizer", labels);
        Assert.Contains("dropout", labels);
        await page.CloseAsync();
    }
}
