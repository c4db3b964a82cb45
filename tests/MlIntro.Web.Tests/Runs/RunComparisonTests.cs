using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Runs;
using MlIntro.Web.Tests.Infrastructure;
using MudBlazor.Services;
using Plotly.Blazor;

namespace MlIntro.Web.Tests.Runs;

/// <summary>
/// Issue 13 item 5: /runs compares runs of every lesson. Multi-model runs (races, ladders, surface races) are trained
/// through the hub and read back from the store; their lines and final figures are checked against what a watcher of
/// the same run saw.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class RunComparisonTests(SharedApp shared) : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static Dictionary<string, EpochMetrics> LastEpochs(TrainedRun run) =>
        run.Watched.EpochMetrics().GroupBy(m => m.Series).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Epoch)!);

    [Fact]
    public async Task Of_RaceLadderSurfaceRaceAndSingleRun_NamesALinePerModel()
    {
        var runs = await ComparedRunsFixture.TrainedAsync(shared.Factory);

        var names = ComparedLines.All([.. runs.Select(r => r.Compared)]).Select(l => l.Name).ToList();

        var (race, ladder, surface, single) = (runs[0], runs[1], runs[2], runs[3]);
        string[] expected =
        [
            .. race.Definition.Race!.Select(r => $"{race.Id} · {r.Name}"),
            .. ladder.Definition.Ladder!.Select(m => $"{ladder.Id} · {m.Name}"),
            .. surface.Definition.Race!.Select(r => $"{surface.Id} · {r.Name}"),
            single.Id,
        ];
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task Of_RaceAndLadder_FinalMetricsAreEachModelsLastEpoch()
    {
        var runs = await ComparedRunsFixture.TrainedAsync(shared.Factory);

        var checkedRuns = runs.Take(2).ToList();

        foreach (var run in checkedRuns)
        {
            var last = LastEpochs(run);
            Assert.Equal(last.Keys.Order(StringComparer.Ordinal), run.Compared.Series.Select(s => s.Series).Order(StringComparer.Ordinal));
            foreach (var series in run.Compared.Series)
            {
                var m = last[series.Series];
                Assert.Equal(ComparedCurve.HeldOutLoss, series.Curve);
                Assert.Equal(run.Definition.RequiredTraining.Epochs, series.Epochs);
                Assert.Equal(Enumerable.Range(1, run.Definition.RequiredTraining.Epochs).Select(e => (double)e), series.X);
                Assert.Equal(m.TrainLoss, series.FinalTrainLoss);
                Assert.Equal(m.TestLoss, series.FinalHeldOutLoss);
                Assert.Equal(m.TestAccuracy, series.FinalAccuracy);
                Assert.Equal(m.TestLoss!.Value, series.Y[^1]);
            }
        }
    }

    [Fact]
    public async Task Of_SurfaceRace_EachOptimizersLossOnTheSurfacePerStep()
    {
        var runs = await ComparedRunsFixture.TrainedAsync(shared.Factory);
        var surface = runs[2];

        var lines = surface.Compared.Series;

        var steps = surface.Definition.Surface!.Steps;
        foreach (var racer in surface.Definition.Race!)
        {
            var watched = surface.Watched.Where(e => e.Trajectory is not null)
                .SelectMany(e => e.Trajectory!.Series.Single(s => s.Name == racer.Name).Loss).ToArray();
            var line = Assert.Single(lines, l => l.Series == racer.Name);
            Assert.Equal(ComparedCurve.SurfaceLoss, line.Curve);
            Assert.Equal(steps + 1, watched.Length);
            Assert.Equal(watched, line.Y);
            Assert.Equal(Enumerable.Range(0, steps + 1).Select(s => (double)s), line.X);
            Assert.Equal(steps, line.Epochs);
            Assert.Equal(watched[^1], line.FinalTrainLoss);
            Assert.Null(line.FinalHeldOutLoss);
        }
    }

    [Fact]
    public async Task Render_ComparedMetrics_ARowPerModelWithItsLastEpoch()
    {
        var runs = await ComparedRunsFixture.TrainedAsync(shared.Factory);
        _context.Services.AddMudServices();
        var race = runs[0];
        var ladder = runs[1];

        var table = _context.Render<ComparedMetrics>(p => p.Add(c => c.Runs, [race.Compared, ladder.Compared]));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(race.Definition.Race!.Count + ladder.Definition.Ladder!.Count, rows.Count);
        foreach (var run in new[] { race, ladder })
        {
            var runRows = rows.Where(r => r.GetAttribute("data-run") == run.Id).ToList();
            foreach (var (series, last) in LastEpochs(run))
            {
                var cells = runRows.Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).Single(c => c.Contains(series));
                Assert.Equal(ComparedMetrics.Text(last.TrainLoss), cells[^3]);
                Assert.Equal(ComparedMetrics.Text(last.TestLoss), cells[^2]);
                Assert.Equal(ComparedMetrics.Text(last.TestAccuracy), cells[^1]);
            }
        }
    }

    [Fact]
    public async Task Draw_TenRacesOfThreeOptimizers_DrawsTheFirstMaxLinesInTheTablesOrder()
    {
        var race = (await ComparedRunsFixture.TrainedAsync(shared.Factory))[0].Compared;
        var tenRuns = Enumerable.Range(0, 10).Select(i => race with { Id = $"run{i}" }).ToList();
        var traces = new List<ITrace>();

        ComparedLines.Draw(traces, tenRuns);

        var optimizers = race.Series.Select(s => s.Series).ToList();
        var expected = tenRuns.SelectMany(r => optimizers.Select(o => $"{r.Id} · {o}")).Take(ComparedLines.MaxLines);
        Assert.Equal(30, ComparedLines.All(tenRuns).Count);
        Assert.Equal(expected, traces.Cast<Plotly.Blazor.Traces.Scatter>().Select(t => t.Name));
    }
}
