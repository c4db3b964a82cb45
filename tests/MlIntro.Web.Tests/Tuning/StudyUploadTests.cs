using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Web.Components.Pages.Tuning;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Tuning;

/// <summary>/tuning offers the page's uploaded table as a data set: a study over it trains and scores every trial.</summary>
[Collection(HubTestGroup.Name)]
public sealed class StudyUploadTests
{
    [Fact]
    public async Task Start_StudyOnAnUploadedTable_EveryTrialCompletes()
    {
        using var timeout = HubClient.Timeout(120);
        await using var app = new MlIntroAppFactory();
        var uploads = app.Services.GetRequiredService<UploadRegistry>();
        // 400 rows, label = x1 + x2 > 0: what a user's CSV gives after the upload panel read it.
        var random = new Random(3);
        var x = Enumerable.Range(0, 800).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var labels = Enumerable.Range(0, 400).Select(i => x[2 * i] + x[(2 * i) + 1] > 0 ? 1 : 0).ToArray();
        var id = uploads.Add(new TabularData(["x1", "x2"], x, labels), ["0", "1"], "mine.csv");
        using var held = uploads.Hold(id);
        var settings = new TuningSettings(Data: UploadRegistry.Prefix + id, Trials: 4, Population: 4, Epochs: 5);
        await using var client = await app.ConnectAsync(timeout.Token);

        var run = await client.StartRunAsync(settings.Definition(), timeout.Token);
        var events = await client.WatchToEndAsync(run, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        var trials = events.Select(e => e.Study?.Trial).OfType<TrialRecord>().ToList();
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.True(t.Objective is > 0 and < 2, $"{t.Objective}"));
    }
}
