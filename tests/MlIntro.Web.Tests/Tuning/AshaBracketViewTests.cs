using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Web.Components.Pages.Tuning;
using MlIntro.Web.Tests.Infrastructure;
using MlIntro.Web.Tests.Widgets;
using MudBlazor.Services;

namespace MlIntro.Web.Tests.Tuning;

/// <summary>The bracket view draws the rungs of a real finished study.</summary>
[Collection(HubTestGroup.Name)]
public sealed class AshaBracketViewTests : ChartTestContext
{
    public AshaBracketViewTests() => Services.AddMudServices();

    [Fact]
    public async Task Render_FinishedSixteenTrialStudyWithEtaTwo_HalvesTheTrialsAtEachRung()
    {
        // One population of 16 reaches every rung together: successive halving keeps ⌊n/η⌋ = 8, then 4, who train to the end.
        using var timeout = HubClient.Timeout(120);
        var pruning = new PruningSpec(ReductionFactor: 2, GracePeriod: 5);
        var definition = new ExperimentDefinition(
            Lesson.Tuning,
            new DataSpec("circle", Points: 100, TrainFraction: 0.5),
            new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
            new OptimizerSpec(OptimizerKind.GD, 0.03),
            new TrainingSpec(20, BatchSize: 10),
            Seed: 5,
            Study: new StudySpec(new SearchSpace(LearningRate: new FloatRange(0.003, 0.3, Log: true)), Trials: 16, Population: 16, Pruning: pruning));
        await using var app = new MlIntroAppFactory();
        await using var client = await app.ConnectAsync(timeout.Token);
        var id = await client.StartRunAsync(definition, timeout.Token);
        var trials = (await client.WatchToEndAsync(id, timeout.Token)).Select(e => e.Study?.Trial).OfType<TrialRecord>().ToList();

        var view = Render<AshaBracketView>(p => p.Add(c => c.Trials, trials).Add(c => c.Pruning, pruning).Add(c => c.Epochs, 20));

        var rows = view.FindAll("[data-testid=asha-bracket] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["epoch 5", "16", "8"], rows[0][..3]);
        Assert.StartsWith("8: trials ", rows[0][3], StringComparison.Ordinal);
        Assert.Equal(["epoch 10", "8", "4"], rows[1][..3]);
        Assert.StartsWith("4: trials ", rows[1][3], StringComparison.Ordinal);
        Assert.Equal(["end (epoch 20)", "4"], rows[2][..2]);
        var stopped = rows[0][3]["8: trials ".Length..].Split(", ").Select(int.Parse).ToHashSet();
        Assert.Equal(stopped, trials.Where(t => t.State == TrialState.Pruned && t.Epochs == 5).Select(t => t.Number).ToHashSet());
        var plot = Plotly.CallsTo("newPlot")[^1];
        Assert.Equal(16 + 8 + 4 - 12, plot.X(0).Length); // went on: 8 at rung 5, 4 at rung 10, 4 at the end
        Assert.Equal(8 + 4, plot.X(1).Length);
    }
}
