using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// Issue 9 item 6 on a real disk that fills up while the app runs (the store's file on a small tmpfs): the running
/// run ends as failed with a message, Start answers "storage unavailable", the process lives on (no SIGBUS), and once
/// space is freed the same app stores runs again.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class StorageFullDiskTests
{
    [TmpfsFact]
    public async Task Start_DiskFills_RefusesAndFailsRunThenRecoversWhenSpaceIsFreed()
    {
        using var timeout = HubClient.Timeout(120);
        using var disk = new SmallDisk(kilobytes: 2048);
        using var unused = new TestDatabase();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Experiments"] = $"Data Source={Path.Combine(disk.Path, "mlintro.db")}" };
        await using var factory = new MlIntroAppFactory(unused, settings);
        await using var client = await factory.ConnectAsync(timeout.Token);
        var running = await client.StartRunAsync(Definitions.Endless(), timeout.Token);

        var events = new List<TrainingEvent>();
        var filled = false;
        await foreach (var e in client.WatchRun(running, timeout.Token))
        {
            events.Add(e);
            if (e.Kind == TrainingEventKind.Epoch && !filled)
            {
                disk.Fill();
                filled = true;
            }
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(Definitions.SmallMlp(), timeout.Token));
        disk.Free();
        var next = await client.StartRunAsync(Definitions.SmallMlp(epochs: 5), timeout.Token);
        var nextEvents = await client.WatchToEndAsync(next, timeout.Token);
        var stored = await factory.Services.GetRequiredService<IExperimentStore>().FindAsync(next, timeout.Token);

        Assert.Equal((ExperimentStatus.Failed, RunRecorder.StorageFailedMessage), (events[^1].Status, events[^1].Message));
        Assert.EndsWith("HubException: Storage unavailable: the server cannot save runs right now (database or disk is full); try again later.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ExperimentStatus.Finished, nextEvents[^1].Status);
        Assert.NotNull(stored);
    }
}
