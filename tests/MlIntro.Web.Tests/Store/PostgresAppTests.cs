using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Store;
using MlIntro.Web.Tests.Infrastructure;
using Npgsql;

namespace MlIntro.Web.Tests.Store;

/// <summary>The whole app on a shared PostgreSQL store, as a cluster's front ends and workers would run it.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresAppTests(PostgresServer server)
{
    [Fact]
    public async Task Watch_AfterRestartOnPostgreSql_ReplaysStoredRun()
    {
        using var timeout = HubClient.Timeout(120);
        var settings = Settings(await server.CreateDatabaseAsync(timeout.Token));
        using var unused = new TestDatabase();
        string id;
        List<TrainingEvent> live;
        await using (var before = new MlIntroAppFactory(unused, settings))
        {
            await using var client = await before.ConnectAsync(timeout.Token);
            id = await client.StartRunAsync(Definitions.SmallMlp(epochs: 12), timeout.Token);
            live = await client.WatchToEndAsync(id, timeout.Token);
        }
        NpgsqlConnection.ClearAllPools();

        await using var after = new MlIntroAppFactory(unused, settings);
        await using var reader = await after.ConnectAsync(timeout.Token);
        var replay = await reader.WatchToEndAsync(id, timeout.Token);
        var stored = await after.Services.GetRequiredService<IExperimentStore>().FindAsync(id, timeout.Token);

        Assert.False(File.Exists(unused.File), "the app wrote no SQLite file");
        Assert.Equal(ExperimentStatus.Finished, live[^1].Status);
        Assert.Equal(12, live.EpochMetrics().Count);
        Assert.Equal(live.EpochMetrics(), replay.EpochMetrics());
        Assert.Equal((ExperimentStatus.Finished, Lesson.Playground), (stored!.Status, stored.Definition.Lesson));
    }

    [Fact]
    public async Task Start_TwoAppsOnADatabaseThatDoesNotExistYet_BothStartOnOneSchema()
    {
        using var timeout = HubClient.Timeout(120);
        var settings = Settings(server.MissingDatabase());
        using var unusedA = new TestDatabase();
        using var unusedB = new TestDatabase();
        await using var a = new MlIntroAppFactory(unusedA, settings);
        await using var b = new MlIntroAppFactory(unusedB, settings);

        // Front ends of a cluster start together: the first creates the database and tables, the other waits for it.
        await Task.WhenAll(Task.Run(() => a.CreateClient()), Task.Run(() => b.CreateClient()));
        await using var client = await a.ConnectAsync(timeout.Token);
        var id = await client.StartRunAsync(Definitions.SmallMlp(epochs: 3), timeout.Token);
        await client.WatchToEndAsync(id, timeout.Token);
        // The stream ends when training does; the recorder stores the last events a moment later.
        var storeOfB = b.Services.GetRequiredService<IExperimentStore>();
        StoredExperiment? seenByB;
        while ((seenByB = await storeOfB.FindAsync(id, timeout.Token))?.Status != ExperimentStatus.Finished)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal(3, (await storeOfB.EventsAsync(id, timeout.Token)).EpochMetrics().Count);
    }

    [Fact]
    public async Task DataProtection_TwoFrontEndsOnOneDatabase_ReadEachOthersPayloads()
    {
        using var timeout = HubClient.Timeout(120);
        var settings = Settings(await server.CreateDatabaseAsync(timeout.Token));
        using var unusedA = new TestDatabase();
        using var unusedB = new TestDatabase();
        await using var a = new MlIntroAppFactory(unusedA, settings);
        a.CreateClient();
        var payload = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("circuit").Protect("state of a circuit");
        await using var b = new MlIntroAppFactory(unusedB, settings);
        b.CreateClient();

        var read = b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("circuit").Unprotect(payload);
        await using var scope = b.Services.CreateAsyncScope();
        var keysInDatabase = await scope.ServiceProvider.GetRequiredService<DataProtectionKeysDbContext>().DataProtectionKeys.CountAsync(timeout.Token);

        Assert.Equal("state of a circuit", read);
        // On one machine both would also find a key ring in the home folder; the shared one is in the database.
        Assert.Equal(1, keysInDatabase);
    }

    [Fact]
    public async Task Initialize_ServerNotListening_ThrowsOneSentenceNamingHostAndPort()
    {
        using var timeout = HubClient.Timeout();
        var port = LocalMachine.FreePort();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["ExperimentStore:Provider"] = "PostgreSQL";
        builder.Configuration["ConnectionStrings:Experiments"] = $"Host=127.0.0.1;Port={port};Username=mlintro;Database=mlintro;Timeout=5";
        builder.AddExperimentStore();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<ExperimentStoreUnusableException>(() => host.Services.InitializeExperimentStoreAsync(timeout.Token));

        Assert.StartsWith($"The experiment database mlintro on 127.0.0.1:{port} cannot be used (", error.Message, StringComparison.Ordinal);
        Assert.Contains("check that the server runs", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ExperimentStore:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Experiments"] = connectionString,
    };
}
