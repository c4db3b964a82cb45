using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Likelihood;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Likelihood;

[Collection(HubTestGroup.Name)]
public sealed class LikelihoodHubTests(SharedApp shared)
{
    [Fact]
    public async Task Start_SmallLikelihoodRun_StreamsEpochsAndAFinalFrameThatTheStoreKeeps()
    {
        using var timeout = HubClient.Timeout(120);
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);
        var definition = new LikelihoodSettings(new LikelihoodSpec(EventsPerClass: 1_000, CheckEpochs: 2), Epochs: 3).ToDefinition();

        var id = await client.StartRunAsync(definition, timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.Equal([1, 2, 3], events.EpochMetrics().Where(m => m.Series == "classifier").Select(m => m.Epoch));
        Assert.Equal([1, 2], events.EpochMetrics().Where(m => m.Series == "check").Select(m => m.Epoch));
        var final = Assert.Single(events, e => e.Kind == TrainingEventKind.Likelihood && e.Likelihood!.IsFinal).Likelihood!;
        Assert.Equal(1_000, final.Reweighting!.EssBefore, 6);
        // Stored: a shared link (/e/{id}) replays the final frame after the run, without training again.
        var store = shared.Factory.Services.GetRequiredService<IExperimentStore>();
        var stored = await WaitForStoredFinalAsync(store, id, timeout.Token);
        Assert.Equal(final.Reweighting.EssAfter, stored.Reweighting!.EssAfter, 9);
    }

    private static async Task<LikelihoodFrame> WaitForStoredFinalAsync(IExperimentStore store, string id, CancellationToken token)
    {
        // The recorder gathers writes for a second before it stores them.
        while (true)
        {
            var events = await store.EventsAsync(id, token);
            if (events.LastOrDefault(e => e.Likelihood?.IsFinal == true)?.Likelihood is { } frame)
            {
                return frame;
            }
            await Task.Delay(200, token);
        }
    }
}
