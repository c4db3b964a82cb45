using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;
using MlIntro.Web.Tests.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Hardening;

/// <summary>Issue 9, item 5 ("no retention"): stored runs are deleted by age and per owner, oldest first, never while live.</summary>
public sealed class LimitsRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = Start.AddDays(365);

    private readonly TempFolder _folder = new();
    private readonly FixedTimeProvider _clock = new(Now);
    // xunit 2 has no per-test token; a timeout keeps a stuck database call from hanging the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private readonly CancellationToken _ct;

    public LimitsRetentionTests() => _ct = _timeout.Token;

    public void Dispose()
    {
        _timeout.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task PruneAsync_FinishedRunsOlderThanMaxAge_DeletesThemWithTheirEventsAndKeepsYoungerOnes()
    {
        await using var host = await StoreHost.OpenAsync(_folder.DatabaseFile, _clock, _ct);
        await FinishedAsync(host.Store, "old", "owner-1", Now.AddDays(-91));
        await FinishedAsync(host.Store, "young", "owner-1", Now.AddDays(-89));
        var retention = Retention(host, new ExperimentRetentionOptions { MaxAge = TimeSpan.FromDays(90) });

        var removed = await retention.PruneAsync(_ct);

        Assert.Equal(1, removed);
        Assert.Null(await host.Store.FindAsync("old", _ct));
        Assert.NotNull(await host.Store.FindAsync("young", _ct));
        Assert.Equal(0, await EventRowsAsync("old"));
        Assert.Equal(3, await EventRowsAsync("young"));
    }

    [Fact]
    public async Task PruneAsync_OwnerBeyondMaxRunsPerOwner_DeletesTheOldestFirstAndLeavesOtherOwners()
    {
        await using var host = await StoreHost.OpenAsync(_folder.DatabaseFile, _clock, _ct);
        // Created out of order, so that the order of insertion cannot stand in for the order of creation.
        foreach (var day in new[] { 3, 1, 5, 2, 4 })
        {
            await FinishedAsync(host.Store, $"a-day{day}", "owner-a", Now.AddDays(-10 + day));
        }
        await FinishedAsync(host.Store, "b-day1", "owner-b", Now.AddDays(-9));
        await FinishedAsync(host.Store, "b-day2", "owner-b", Now.AddDays(-8));
        var retention = Retention(host, new ExperimentRetentionOptions { MaxRunsPerOwner = 3 });

        var removed = await retention.PruneAsync(_ct);

        Assert.Equal(2, removed);
        Assert.Equal(["a-day3", "a-day4", "a-day5", "b-day1", "b-day2"], await StoredIdsAsync());
    }

    [Fact]
    public async Task PruneAsync_QueuedAndRunningRuns_AreKeptHoweverOldOrMany()
    {
        await using var host = await StoreHost.OpenAsync(_folder.DatabaseFile, _clock, _ct);
        await host.Store.CreateAsync("queued", Definition(), "owner-1", Now.AddDays(-400), _ct);
        await host.Store.CreateAsync("running", Definition(), "owner-1", Now.AddDays(-300), _ct);
        await host.Store.AppendAsync("running", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.7, 0.72)], _ct);
        await FinishedAsync(host.Store, "finished", "owner-1", Now.AddDays(-1));
        var retention = Retention(host, new ExperimentRetentionOptions { MaxAge = TimeSpan.FromDays(90), MaxRunsPerOwner = 1 });

        var removed = await retention.PruneAsync(_ct);

        // The newest run is the finished one; the two older ones are over both limits but still live.
        Assert.Equal(0, removed);
        Assert.Equal(["finished", "queued", "running"], await StoredIdsAsync());
    }

    [Fact]
    public async Task App_StartsWithAnExpiredRunInItsStore_DeletesItAtStartUp()
    {
        using var database = new Infrastructure.TestDatabase();
        await using (var host = await StoreHost.OpenAsync(database.File, TimeProvider.System, _ct))
        {
            await FinishedAsync(host.Store, "expired", "owner-1", DateTimeOffset.UtcNow.AddDays(-100));
            await FinishedAsync(host.Store, "recent", "owner-1", DateTimeOffset.UtcNow.AddDays(-1));
        }
        SqliteConnection.ClearAllPools();

        await using var app = new Infrastructure.MlIntroAppFactory(database);
        _ = app.Server;
        var store = app.Services.GetRequiredService<IExperimentStore>();
        while (await store.FindAsync("expired", _ct) is not null)
        {
            await Task.Delay(50, _ct);
        }

        Assert.NotNull(await store.FindAsync("recent", _ct));
    }

    [Theory]
    [InlineData("Retention:MaxAge", "00:00:10")]
    [InlineData("Retention:MaxRunsPerOwner", "0")]
    [InlineData("Retention:Interval", "00:00:00")]
    public void App_RetentionSettingOutOfRange_RefusesToStartNamingIt(string key, string value)
    {
        using var database = new Infrastructure.TestDatabase();
        using var app = new Infrastructure.MlIntroAppFactory(database, new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], error.Message, StringComparison.Ordinal);
    }

    private ExperimentRetention Retention(StoreHost host, ExperimentRetentionOptions options) =>
        new((EfExperimentStore)host.Store, Options.Create(options), _clock, NullLogger<ExperimentRetention>.Instance);

    private async Task FinishedAsync(IExperimentStore store, string id, string owner, DateTimeOffset createdAt)
    {
        await store.CreateAsync(id, Definition(), owner, createdAt, _ct);
        await store.AppendAsync(id, [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.7, 0.72), Status(2, ExperimentStatus.Finished)], _ct);
    }

    /// <summary>Read with plain SQL, not through the store: the rows really left the file.</summary>
    private async Task<long> EventRowsAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.DatabaseFile}");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ExperimentEvents WHERE ExperimentId = $id";
        command.Parameters.AddWithValue("$id", id);
        return (long)(await command.ExecuteScalarAsync(_ct))!;
    }

    private async Task<List<string>> StoredIdsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.DatabaseFile}");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Experiments ORDER BY Id";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(_ct);
        while (await reader.ReadAsync(_ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
