using System.Data.Common;
using Microsoft.AspNetCore.SignalR;
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
/// run ends as failed with a message, and the same process takes runs again once the disk is back. The fault is
/// SQLite's own (every new connection is made read-only), so the store's translation of it is tested too.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class StorageFaultTests
{
    [Fact]
    public async Task Start_DiskUnwritable_AnswersStorageUnavailableThenRecovers()
    {
        using var timeout = HubClient.Timeout(90);
        var disk = new SwitchableDisk();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, configureServices: disk.Install);
        await using var client = await factory.ConnectAsync(timeout.Token);

        disk.IsWritable = false;
        var refused = await Assert.ThrowsAsync<HubException>(() => client.StartRunAsync(Definitions.SmallMlp(), timeout.Token));
        disk.IsWritable = true;
        var id = await client.StartRunAsync(Definitions.SmallMlp(epochs: 5), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);
        var stored = await factory.Services.GetRequiredService<IExperimentStore>().FindAsync(id, timeout.Token);

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
        var disk = new SwitchableDisk();
        using var database = new TestDatabase();
        await using var factory = new MlIntroAppFactory(database, configureServices: disk.Install);
        await using var client = await factory.ConnectAsync(timeout.Token);
        var id = await client.StartRunAsync(Definitions.Endless(), timeout.Token);

        var events = new List<TrainingEvent>();
        await foreach (var e in client.WatchRun(id, timeout.Token))
        {
            events.Add(e);
            if (e.Kind == TrainingEventKind.Epoch && disk.IsWritable)
            {
                disk.IsWritable = false;
            }
        }
        disk.IsWritable = true;
        var next = await client.StartRunAsync(Definitions.SmallMlp(epochs: 5), timeout.Token);
        var nextEvents = await client.WatchToEndAsync(next, timeout.Token);

        Assert.Equal(ExperimentStatus.Failed, events[^1].Status);
        Assert.Equal(RunRecorder.StorageFailedMessage, events[^1].Message);
        Assert.True(events.EpochMetrics().Count < 100_000, "the run stopped long before its last epoch");
        Assert.Equal(ExperimentStatus.Finished, nextEvents[^1].Status);
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
