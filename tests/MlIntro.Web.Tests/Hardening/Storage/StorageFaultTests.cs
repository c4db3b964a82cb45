using System.Data.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;
using MlIntro.Web.Store;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// Issue 9 item 6 while running: when the disk stops taking writes, Start answers "storage unavailable", a running
/// run ends as failed with a message, and the same process takes runs again once the disk is back (no SIGBUS, no
/// lost process). The faults are SQLite's own: connections made read-only, and a small disk that really fills up.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class StorageFaultTests
{
    private const string DiskFull =
        "HubException: Storage unavailable: the server cannot save runs right now (database or disk is full); try again later.";

    [Fact]
    public async Task Start_DiskUnwritable_AnswersStorageUnavailableThenRecovers()
    {
        using var timeout = HubClient.Timeout(90);
        await using var app = await SwitchableDiskApp.StartAsync(timeout.Token);
        var (disk, client) = (app.Disk, app.Client);

        disk.IsWritable = false;
        var refused = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(Definitions.SmallMlp(), timeout.Token));
        disk.IsWritable = true;
        var id = await client.StartRunAsync(Definitions.SmallMlp(epochs: 5), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);
        var stored = await app.Factory.Services.GetRequiredService<IExperimentStore>().FindAsync(id, timeout.Token);

        // SignalR's client prefixes the server's HubException message with its own words.
        Assert.EndsWith(
            "HubException: Storage unavailable: the server cannot save runs right now (attempt to write a readonly database); try again later.",
            refused.Message, StringComparison.Ordinal);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task Run_DiskBecomesUnwritable_EndsFailedWithMessageAndServerGoesOn()
    {
        using var timeout = HubClient.Timeout(90);
        await using var app = await SwitchableDiskApp.StartAsync(timeout.Token);
        var (disk, client) = (app.Disk, app.Client);
        var id = await client.StartRunAsync(Definitions.Endless(), timeout.Token);

        var events = await WatchBreakingDiskAfterFirstEpochAsync(client, id, () => disk.IsWritable = false, timeout.Token);
        disk.IsWritable = true;
        var next = await client.StartRunAsync(Definitions.SmallMlp(epochs: 5), timeout.Token);
        var nextEvents = await client.WatchToEndAsync(next, timeout.Token);

        Assert.Equal(ExperimentStatus.Failed, events[^1].Status);
        Assert.Equal(RunRecorder.StorageFailedMessage, events[^1].Message);
        Assert.True(events.EpochMetrics().Count < 100_000, "the run stopped long before its last epoch");
        Assert.Equal(ExperimentStatus.Finished, nextEvents[^1].Status);
    }

    /// <summary>The store's file on a 2 MB tmpfs that a filler file fills up while a run trains: a disk full for real.</summary>
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

        var events = await WatchBreakingDiskAfterFirstEpochAsync(client, running, disk.Fill, timeout.Token);
        var refusal = await StartUntilRefusedAsync(client, timeout.Token);
        disk.Free();
        var next = await client.StartRunAsync(Definitions.SmallMlp(epochs: 5), timeout.Token);
        var nextEvents = await client.WatchToEndAsync(next, timeout.Token);
        var stored = await factory.Services.GetRequiredService<IExperimentStore>().FindAsync(next, timeout.Token);

        Assert.Equal((ExperimentStatus.Failed, RunRecorder.StorageFailedMessage), (events[^1].Status, events[^1].Message));
        Assert.EndsWith(DiskFull, refusal, StringComparison.Ordinal);
        Assert.Equal(ExperimentStatus.Finished, nextEvents[^1].Status);
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task CreateAsync_ReadOnlyConnection_ThrowsStorageUnavailable()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using (var writable = new ServiceCollection()
            .AddDbContextFactory<ExperimentDbContext>(o => o.UseSqlite(database.ConnectionString))
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider())
        {
            await writable.InitializeExperimentStoreAsync(timeout.Token);
        }
        await using var services = new ServiceCollection()
            .AddDbContextFactory<ExperimentDbContext>(o => o.UseSqlite(database.ConnectionString + ";Mode=ReadOnly"))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IExperimentStore, EfExperimentStore>()
            .BuildServiceProvider();
        var store = services.GetRequiredService<IExperimentStore>();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => store.CreateAsync("run-1", Definitions.SmallMlp(), "owner-1", DateTimeOffset.UnixEpoch, timeout.Token));

        Assert.Contains("(attempt to write a readonly database)", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync("run-1", timeout.Token));
    }

    /// <summary>
    /// Starts (and cancels) runs until one is refused. A write that failed on the full disk leaves its frames' space
    /// in SQLite's journal, so the next small write or two may still fit; how many depends on the failed batch.
    /// </summary>
    private static async Task<string?> StartUntilRefusedAsync(HubConnection client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                var id = await client.StartRunAsync(Definitions.Endless(), cancellationToken);
                await client.CancelRunAsync(id, cancellationToken);
                await client.WatchToEndAsync(id, cancellationToken);
            }
            catch (HubException ex)
            {
                return ex.Message;
            }
        }

        return null;
    }

    /// <summary>Follows a run to its end, breaking the disk once its first epoch has arrived (so it was being stored).</summary>
    private static async Task<List<TrainingEvent>> WatchBreakingDiskAfterFirstEpochAsync(
        HubConnection client, string id, Action breakDisk, CancellationToken cancellationToken)
    {
        var events = new List<TrainingEvent>();
        var broken = false;
        await foreach (var e in client.WatchRun(id, cancellationToken))
        {
            events.Add(e);
            if (e.Kind == TrainingEventKind.Epoch && !broken)
            {
                breakDisk();
                broken = true;
            }
        }

        return events;
    }

    /// <summary>The app on a fresh database behind a <see cref="SwitchableDisk"/>, with a hub client.</summary>
    private sealed class SwitchableDiskApp(SwitchableDisk disk, TestDatabase database, MlIntroAppFactory factory, HubConnection client) : IAsyncDisposable
    {
        public SwitchableDisk Disk => disk;

        public MlIntroAppFactory Factory => factory;

        public HubConnection Client => client;

        public static async Task<SwitchableDiskApp> StartAsync(CancellationToken cancellationToken)
        {
            var disk = new SwitchableDisk();
            var database = new TestDatabase();
            var factory = new MlIntroAppFactory(database, configureServices: disk.Install);
            return new SwitchableDiskApp(disk, database, factory, await factory.ConnectAsync(cancellationToken));
        }

        public async ValueTask DisposeAsync()
        {
            await client.DisposeAsync();
            await factory.DisposeAsync();
            database.Dispose();
        }
    }

    /// <summary>A disk that can be made to refuse writes: while off, every new connection is opened query-only, so SQLite refuses writes with its own read-only error.</summary>
    private sealed class SwitchableDisk : DbConnectionInterceptor
    {
        private volatile bool _writable = true;

        public bool IsWritable
        {
            get => _writable;
            set => _writable = value;
        }

        public void Install(IServiceCollection services) =>
            services.ConfigureDbContext<ExperimentDbContext>(o => o.AddInterceptors(this));

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _writable ? "PRAGMA query_only=OFF;" : "PRAGMA query_only=ON;";
            command.ExecuteNonQuery();
        }
    }
}
