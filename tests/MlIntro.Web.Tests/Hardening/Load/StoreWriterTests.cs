using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Load;

/// <summary>
/// Issue 9, item 8: 30 Starts at once took seconds to answer, each inserting on its own while the recorder held
/// SQLite's one write lock. Every write now goes through the recorder's one writer, and the first insert's cold
/// start is paid at start-up, not by the room's first Starts.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class StoreWriterTests
{
    [Fact]
    public async Task StartAsync_TwelveAtOnceWhileRunsRecord_StoreNeverWritesTwiceAtOnce()
    {
        using var database = new TestDatabase();
        using var timeout = HubClient.Timeout();
        await using var factory = new MlIntroAppFactory(database,
            configureServices: services => OverlapCountingStore.Install(services, TimeSpan.FromMilliseconds(30)));
        var training = factory.Services.GetRequiredService<TrainingService>();
        var store = factory.Services.GetRequiredService<OverlapCountingStore>();
        // Held before their first epoch: the recorder still writes their status events, and nothing trains.
        var recording = new List<(string Id, string Owner)>();
        for (var i = 0; i < 3; i++)
        {
            recording.Add((await training.StartAsync(Definitions.Endless(), $"early-{i}", paused: true, timeout.Token), $"early-{i}"));
        }

        var burst = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
            (Id: await training.StartAsync(Definitions.Endless(), $"burst-{i}", paused: true, timeout.Token), Owner: $"burst-{i}")));
        foreach (var (id, owner) in recording.Concat(burst))
        {
            training.Cancel(id, owner);
        }

        Assert.Equal(15, store.Creates);
        Assert.Equal(1, store.MostWritesAtOnce);
    }

    [Fact]
    public async Task StartUp_WarmsTheWritePath_LeavesNoRowBehind()
    {
        using var database = new TestDatabase();
        using var timeout = HubClient.Timeout();
        await using var factory = new MlIntroAppFactory(database);

        var store = factory.Services.GetRequiredService<IExperimentStore>();
        var stored = await store.RecentAsync(10, timeout.Token);

        Assert.Empty(stored);
    }
}
