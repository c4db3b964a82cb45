using MlIntro.Core.Experiments;
using MlIntro.Web.Store;
using MlIntro.Web.Tests.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// Issue 9 item 6, at start: a damaged or empty database file is refused with one sentence naming it, before anything
/// reads or writes it, and the file is left exactly as it was (it may be the only copy of the runs).
/// </summary>
public sealed class StorageStartupTests : TempStoreTest
{
    [Fact]
    public async Task StartAsync_RandomBytes_RefusesNamingTheFileAsNotADatabase()
    {
        var bytes = new byte[64 * 1024];
        new Random(9).NextBytes(bytes);
        await File.WriteAllBytesAsync(Folder.DatabaseFile, bytes, Ct);

        var error = await RefusalAsync();

        Assert.Equal($"The experiment database {Folder.DatabaseFile} is damaged (file is not a database); move it away or restore a backup, then start again.", error.Message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Folder.DatabaseFile, Ct));
    }

    [Fact]
    public async Task StartAsync_ValidHeaderThenRandomBytes_RefusesAsDamaged()
    {
        // Passes the header check, so SQLite itself has to find the damage.
        var bytes = new byte[64 * 1024];
        new Random(10).NextBytes(bytes);
        "SQLite format 3\0"u8.CopyTo(bytes);
        await File.WriteAllBytesAsync(Folder.DatabaseFile, bytes, Ct);

        var error = await RefusalAsync();

        Assert.StartsWith($"The experiment database {Folder.DatabaseFile} is damaged (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); move it away or restore a backup, then start again.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HalfTruncatedDatabase_RefusesAsMalformed()
    {
        await WriteRunsAsync(runs: 3, epochs: 200);
        var whole = await File.ReadAllBytesAsync(Folder.DatabaseFile, Ct);
        Assert.True(whole.Length >= 64 * 1024, $"the database should span many pages, it has {whole.Length} bytes");
        await File.WriteAllBytesAsync(Folder.DatabaseFile, whole[..(whole.Length / 2)], Ct);

        var error = await RefusalAsync();

        Assert.Equal($"The experiment database {Folder.DatabaseFile} is damaged (database disk image is malformed); move it away or restore a backup, then start again.", error.Message);
        Assert.Equal(whole.Length / 2, new FileInfo(Folder.DatabaseFile).Length);
    }

    [Fact]
    public async Task StartAsync_EmptyFile_RefusesAndLeavesItEmpty()
    {
        await File.WriteAllBytesAsync(Folder.DatabaseFile, [], Ct);

        var error = await RefusalAsync();

        Assert.StartsWith($"The experiment database {Folder.DatabaseFile} is empty (0 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore a backup, or delete the file to start with an empty store", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(Folder.DatabaseFile).Length);
    }

    [Fact]
    public async Task StartAsync_HealthyDatabase_StartsAndKeepsItsRuns()
    {
        await WriteRunsAsync(runs: 2, epochs: 5);

        using var host = StoreOnlyHost.Build(Folder.DatabaseFile);
        await host.StartAsync(Ct);
        var events = await host.Store().EventsAsync("run-1", Ct);
        await host.StopAsync(Ct);

        Assert.Equal(7, events.Count);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
    }

    private async Task<ExperimentStoreUnusableException> RefusalAsync()
    {
        using var host = StoreOnlyHost.Build(Folder.DatabaseFile);
        return await Assert.ThrowsAsync<ExperimentStoreUnusableException>(() => host.StartAsync(Ct));
    }

    private async Task WriteRunsAsync(int runs, int epochs)
    {
        using var host = StoreOnlyHost.Build(Folder.DatabaseFile);
        await host.StartAsync(Ct);
        for (var run = 0; run < runs; run++)
        {
            var id = $"run-{run}";
            await host.Store().CreateAsync(id, Definition(), "owner-1", Start, Ct);
            var epochEvents = Enumerable.Range(1, epochs).Select(epoch => Epoch(epoch, epoch, 1.0 / epoch, 1.1 / epoch));
            await host.Store().AppendAsync(id, [Status(0, ExperimentStatus.Running), .. epochEvents, Status(epochs + 1, ExperimentStatus.Finished)], Ct);
        }

        await host.StopAsync(Ct);
    }
}
