using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// Issue 9 item 6, the journal: after a clean stop the .db file alone holds every run (a backup of it is complete),
/// and while running no memory-mapped -shm file exists (a write fault on a mapped page is a SIGBUS, not an error).
/// </summary>
public sealed class StorageWalTests : TempStoreTest
{
    private readonly TempFolder _backup = new();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backup.Dispose();
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task StopAsync_AfterWrites_CopyOfDatabaseFileAloneHasEveryRun()
    {
        using var host = StoreOnlyHost.Build(Folder.DatabaseFile);
        await host.StartAsync(Ct);
        foreach (var id in new[] { "run-a", "run-b" })
        {
            await host.Store().CreateAsync(id, Definition(), "owner-1", Start, Ct);
            await host.Store().AppendAsync(id, [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.5, 0.6), Status(2, ExperimentStatus.Finished)], Ct);
        }

        await host.StopAsync(Ct);
        var wal = new FileInfo(Folder.DatabaseFile + "-wal");
        File.Copy(Folder.DatabaseFile, _backup.DatabaseFile);

        Assert.True(!wal.Exists || wal.Length == 0, $"the journal still holds {(wal.Exists ? wal.Length : 0)} bytes after a clean stop");
        Assert.Equal(2L, SqliteFile.Scalar(_backup.DatabaseFile, "SELECT COUNT(*) FROM Experiments WHERE Status = 'Finished';"));
        Assert.Equal(6L, SqliteFile.Scalar(_backup.DatabaseFile, "SELECT COUNT(*) FROM ExperimentEvents;"));
    }

    [Fact]
    public async Task StartAsync_WhileRunning_WalModeWithoutSharedMemoryFileOrMappedIo()
    {
        using var host = StoreOnlyHost.Build(Folder.DatabaseFile);
        await host.StartAsync(Ct);
        await host.Store().CreateAsync("run-a", Definition(), "owner-1", Start, Ct);
        await host.Store().AppendAsync("run-a", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.5, 0.6)], Ct);
        var walWhileRunning = File.Exists(Folder.DatabaseFile + "-wal");
        var shmWhileRunning = File.Exists(Folder.DatabaseFile + "-shm");
        var stored = await host.Store().EventsAsync("run-a", Ct);
        await host.StopAsync(Ct);

        Assert.True(walWhileRunning, "the store runs in WAL mode");
        Assert.False(shmWhileRunning, "the WAL index lives in process memory, not in a memory-mapped -shm file");
        Assert.Equal(2, stored.Count);
        Assert.Equal("wal", SqliteFile.Scalar(Folder.DatabaseFile, "PRAGMA journal_mode;"));
    }
}
