using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Owners;

/// <summary>Issue 9 item 5, "refused Starts are not stored": each one used to leave its definition in the store.</summary>
[Collection(HubTestGroup.Name)]
public sealed class RefusedStartTests
{
    [Fact]
    public async Task Start_RefusedAsBusy_LeavesTheStoresRowsAndFileSizeUnchanged()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var app = new MlIntroAppFactory(database, new Dictionary<string, string>
        {
            ["Training:MaxConcurrentRuns"] = "1",
            ["Training:MaxQueuedRuns"] = "0",
        });
        var training = app.Services.GetRequiredService<TrainingService>();
        // Holds the only slot without training, so that nothing else writes while the refusals come in.
        var holder = await training.StartAsync(Definitions.Endless(), "holder", paused: true, timeout.Token);
        await using var client = await app.ConnectAsync(timeout.Token);
        var before = await QuietStoreAsync(database, timeout.Token);

        var refusals = new List<HubException>();
        for (var i = 0; i < 25; i++)
        {
            refusals.Add(await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(Definitions.SmallMlp(seed: i), timeout.Token)));
        }
        var after = await QuietStoreAsync(database, timeout.Token);
        training.Cancel(holder, "holder");

        Assert.All(refusals, r => Assert.Contains("busy", r.Message, StringComparison.Ordinal));
        Assert.Equal(1, before.Runs);
        Assert.Equal(before, after);
    }

    /// <summary>Rows and bytes on disk (database and write-ahead log) once two readings a second apart agree.</summary>
    private static async Task<(long Runs, long Events, long Bytes)> QuietStoreAsync(TestDatabase database, CancellationToken token)
    {
        var last = (-1L, -1L, -1L);
        while (true)
        {
            var runs = await database.QueryAsync<long>("SELECT COUNT(*) FROM Experiments", token);
            var events = await database.QueryAsync<long>("SELECT COUNT(*) FROM ExperimentEvents", token);
            var bytes = Directory.GetFiles(database.Folder).Sum(f => new FileInfo(f).Length);
            if ((runs, events, bytes) == last)
            {
                return last;
            }
            last = (runs, events, bytes);
            await Task.Delay(1000, token);
        }
    }
}
