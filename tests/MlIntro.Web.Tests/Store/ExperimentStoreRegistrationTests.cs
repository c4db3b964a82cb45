using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Store;

public sealed class ExperimentStoreRegistrationTests : IDisposable
{
    private readonly TempFolder _contentRoot = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly CancellationToken _ct;

    public ExperimentStoreRegistrationTests() => _ct = _timeout.Token;

    public void Dispose()
    {
        _timeout.Dispose();
        _contentRoot.Dispose();
    }

    [Fact]
    public async Task AddExperimentStore_RelativeDataSource_CreatesFolderUnderContentRootWithWalDatabase()
    {
        using var host = BuildHost(new() { ["ConnectionStrings:Experiments"] = "Data Source=nested/dir/runs.db" });

        await host.StartAsync(_ct);
        await host.Services.GetRequiredService<IExperimentStore>().CreateAsync("run-1", Definition(), "owner-1", Start, _ct);
        await host.StopAsync(_ct);

        var file = Path.Combine(_contentRoot.Path, "nested", "dir", "runs.db");
        Assert.True(File.Exists(file));
        Assert.Equal("wal", SqliteFile.Scalar(file, "PRAGMA journal_mode;"));
        Assert.Equal(1L, SqliteFile.Scalar(file, "SELECT COUNT(*) FROM Experiments WHERE Id = 'run-1';"));
    }

    [Fact]
    public async Task AddExperimentStore_NoConnectionString_UsesDataFolderOfContentRoot()
    {
        using var host = BuildHost([]);

        await host.StartAsync(_ct);
        await host.StopAsync(_ct);

        Assert.True(File.Exists(Path.Combine(_contentRoot.Path, "data", "mlintro.db")));
    }

    [Fact]
    public async Task AddExperimentStore_Restart_FailsRunsLeftUnfinishedAndKeepsFinishedOnes()
    {
        // Retention off: its first pass at start-up would delete these runs, created long ago at Start.
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Experiments"] = "Data Source=runs.db", ["Retention:Enabled"] = "false" };
        using (var before = BuildHost(settings))
        {
            await before.StartAsync(_ct);
            var store = before.Services.GetRequiredService<IExperimentStore>();
            await store.CreateAsync("interrupted", Definition(), "owner-1", Start, _ct);
            await store.AppendAsync("interrupted", [Status(0, ExperimentStatus.Running), Epoch(1, 1, 0.4, 0.5)], _ct);
            await store.CreateAsync("done", Definition(), "owner-1", Start, _ct);
            await store.AppendAsync("done", [Status(0, ExperimentStatus.Finished)], _ct);
            await before.StopAsync(_ct);
        }
        SqliteConnection.ClearAllPools();

        using var after = BuildHost(settings);
        await after.StartAsync(_ct);
        var reopened = after.Services.GetRequiredService<IExperimentStore>();
        var interrupted = await reopened.FindAsync("interrupted", _ct);
        var done = await reopened.FindAsync("done", _ct);
        var events = await reopened.EventsAsync("interrupted", _ct);
        await after.StopAsync(_ct);

        Assert.Equal((ExperimentStatus.Failed, "The server restarted before this run finished."), (interrupted!.Status, interrupted.Message));
        Assert.NotNull(interrupted.FinishedAt);
        Assert.Equal(ExperimentStatus.Finished, done!.Status);
        Assert.Equal([0L, 1, 2], events.Select(e => e.Sequence));
        Assert.Equal(0.4, events[1].Metrics!.TrainLoss);
    }

    [Fact]
    public void AddExperimentStore_UnknownProvider_ThrowsNamingIt()
    {
        var builder = CreateBuilder(new() { ["ExperimentStore:Provider"] = "SqlServer" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddExperimentStore());

        Assert.Equal("ExperimentStore:Provider 'SqlServer' is not supported; use Sqlite or PostgreSQL.", error.Message);
    }

    [Fact]
    public void AddExperimentStore_PostgreSqlWithoutConnectionString_ThrowsSayingWhatToSet()
    {
        var builder = CreateBuilder(new() { ["ExperimentStore:Provider"] = "PostgreSQL" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddExperimentStore());

        Assert.Contains("ConnectionStrings:Experiments is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddExperimentStore_ProviderInOtherCase_IsAccepted()
    {
        var builder = CreateBuilder(new() { ["ExperimentStore:Provider"] = "sqlite" });

        builder.AddExperimentStore();
        using var host = builder.Build();

        Assert.IsType<EfExperimentStore>(host.Services.GetRequiredService<IExperimentStore>());
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = CreateBuilder(settings);
        builder.AddExperimentStore();
        return builder.Build();
    }

    private HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        // Empty: no environment variables or appsettings files can leak in. The web app's builder brings logging.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot.Path });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        return builder;
    }
}
