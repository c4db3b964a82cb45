using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// Issue 9 item 6, the journal: after a clean stop the .db file alone holds every run (a backup of it is complete),
/// and while running no memory-mapped -shm file exists (a write fault on a mapped page is a SIGBUS, not an error).
/// </summary>
public sealed class StorageWalTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _backup = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly CancellationToken _ct;

    public StorageWalTests() => _ct = _timeout.Token;

    public void Dispose()
    {
        _timeout.Dispose();
        _folder.Dispose();
        _backup.Dispose();
    }

    [Fact]
    public async Task StopAsync_AfterWrites_CopyOfDatabaseFileAloneHasEveryRun()
    {
        using var host = StoreOnlyHost.Build(_folder.DatabaseFile);
        await host.StartAsync(_ct);
        foreach (var id in new[] { "run-a", "run-b" })
        {
            await host.Store().CreateAsync(id, Definition(), "owner-1", Start, _ct);
            await host.Store().AppendAsync(id, [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.5, 0.6), Status(2, ExperimentStatus.Finished)], _ct);
        }

        await host.StopAsync(_ct);
        var wal = new FileInfo(_folder.DatabaseFile + "-wal");
        File.Copy(_folder.DatabaseFile, _backup.DatabaseFile);

        Assert.True(!wal.Exists || wal.Length == 0, $"the journal still holds {(wal.Exists ? wal.Length : 0)} bytes after a clean stop");
        Assert.Equal(2L, StoreOnlyHost.Scalar(_backup.DatabaseFile, "SELECT COUNT(*) FROM Experiments WHERE Status = 'Finished';"));
        Assert.Equal(6L, StoreOnlyHost.Scalar(_backup.DatabaseFile, "SELECT COUNT(*) FROM ExperimentEvents;"));
    }

    [Fact]
    public async Task StartAsync_WhileRunning_WalModeWithoutSharedMemoryFileOrMappedIo()
    {
        using var host = StoreOnlyHost.Build(_folder.DatabaseFile);
        await host.StartAsync(_ct);
        await host.Store().CreateAsync("run-a", Definition(), "owner-1", Start, _ct);
        await host.Store().AppendAsync("run-a", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.5, 0.6)], _ct);
        var walWhileRunning = File.Exists(_folder.DatabaseFile + "-wal");
        var shmWhileRunning = File.Exists(_folder.DatabaseFile + "-shm");
        var stored = await host.Store().EventsAsync("run-a", _ct);
        await host.StopAsync(_ct);

        Assert.True(walWhileRunning, "the store runs in WAL mode");
        Assert.False(shmWhileRunning, "the WAL index lives in process memory, not in a memory-mapped -shm file");
        Assert.Equal(2, stored.Count);
        Assert.Equal("wal", StoreOnlyHost.Scalar(_folder.DatabaseFile, "PRAGMA journal_mode;"));
    }
}
