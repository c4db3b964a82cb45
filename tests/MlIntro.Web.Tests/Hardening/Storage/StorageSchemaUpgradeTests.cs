using Microsoft.Data.Sqlite;
using MlIntro.Core.Experiments;
using MlIntro.Web.Tests.Store;
using static MlIntro.Web.Tests.Store.Samples;

namespace MlIntro.Web.Tests.Hardening.Storage;

/// <summary>
/// A database written before runs had owners (no OwnerId column, no index) opens, keeps its runs and takes new ones:
/// EnsureCreated alone leaves such a file as it is, and every write then fails on the missing column.
/// </summary>
public sealed class StorageSchemaUpgradeTests : TempStoreTest
{
    /// <summary>The schema EnsureCreated wrote before commit f5d0cb1 (the sqlite3 shell's .schema of such a file).</summary>
    private const string PreviousSchema = """
        CREATE TABLE "Experiments" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_Experiments" PRIMARY KEY,
            "Lesson" TEXT NOT NULL,
            "DataName" TEXT NOT NULL,
            "DefinitionJson" TEXT NOT NULL,
            "Status" TEXT NOT NULL,
            "Message" TEXT NULL,
            "CreatedAt" INTEGER NOT NULL,
            "FinishedAt" INTEGER NULL
        );
        CREATE TABLE "ExperimentEvents" (
            "ExperimentId" TEXT NOT NULL,
            "Sequence" INTEGER NOT NULL,
            "Kind" TEXT NOT NULL,
            "Json" TEXT NOT NULL,
            CONSTRAINT "PK_ExperimentEvents" PRIMARY KEY ("ExperimentId", "Sequence"),
            CONSTRAINT "FK_ExperimentEvents_Experiments_ExperimentId" FOREIGN KEY ("ExperimentId") REFERENCES "Experiments" ("Id") ON DELETE CASCADE
        );
        CREATE INDEX "IX_Experiments_CreatedAt" ON "Experiments" ("CreatedAt");
        PRAGMA journal_mode=WAL;
        """;

    [Fact]
    public async Task StartAsync_DatabaseOfPreviousVersion_AddsOwnerIdAndKeepsOldRuns()
    {
        WritePreviousVersionFile();

        using var host = StoreOnlyHost.Build(Folder.DatabaseFile);
        await host.StartAsync(Ct);
        var old = await host.Store().FindAsync("old-run", Ct);
        var oldEvents = await host.Store().EventsAsync("old-run", Ct);
        await host.Store().CreateAsync("new-run", Definition(), "owner-7", Start, Ct);
        await host.Store().AppendAsync("new-run", [Status(0, ExperimentStatus.Running)], Ct);
        await host.StopAsync(Ct);

        Assert.Equal((ExperimentStatus.Finished, "done"), (old!.Status, old.Message));
        Assert.Equal(0.25, Assert.Single(oldEvents).Metrics!.TrainLoss);
        Assert.Equal("unknown", SqliteFile.Scalar(Folder.DatabaseFile, "SELECT OwnerId FROM Experiments WHERE Id = 'old-run';"));
        Assert.Equal("owner-7", SqliteFile.Scalar(Folder.DatabaseFile, "SELECT OwnerId FROM Experiments WHERE Id = 'new-run';"));
        Assert.Equal(1L, SqliteFile.Scalar(Folder.DatabaseFile, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'IX_Experiments_OwnerId';"));
    }

    [Fact]
    public async Task StartAsync_UpgradedDatabaseStartedAgain_StartsUnchanged()
    {
        WritePreviousVersionFile();
        using (var first = StoreOnlyHost.Build(Folder.DatabaseFile))
        {
            await first.StartAsync(Ct);
            await first.StopAsync(Ct);
        }

        using var second = StoreOnlyHost.Build(Folder.DatabaseFile);
        await second.StartAsync(Ct);
        var old = await second.Store().FindAsync("old-run", Ct);
        await second.StopAsync(Ct);

        Assert.NotNull(old);
        Assert.Equal(1L, SqliteFile.Scalar(Folder.DatabaseFile, "SELECT COUNT(*) FROM pragma_table_info('Experiments') WHERE name = 'OwnerId';"));
    }

    /// <summary>A finished run with one epoch, written as the previous version wrote it (definition and event as JSON, times as UTC ticks).</summary>
    private void WritePreviousVersionFile()
    {
        using var connection = new SqliteConnection($"Data Source={Folder.DatabaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PreviousSchema + """
            INSERT INTO Experiments (Id, Lesson, DataName, DefinitionJson, Status, Message, CreatedAt, FinishedAt)
            VALUES ('old-run', 'Optimizers', 'spiral', $definition, 'Finished', 'done', $createdAt, $finishedAt);
            INSERT INTO ExperimentEvents (ExperimentId, Sequence, Kind, Json) VALUES ('old-run', 1, 'Epoch', $event);
            """;
        // Yesterday, so that the store's retention (90 days by default) keeps it while these tests look at it.
        var createdAt = DateTimeOffset.UtcNow.AddDays(-1);
        command.Parameters.AddWithValue("$createdAt", createdAt.UtcTicks);
        command.Parameters.AddWithValue("$finishedAt", createdAt.AddMinutes(1).UtcTicks);
        command.Parameters.AddWithValue("$definition", System.Text.Json.JsonSerializer.Serialize(Definition(), ExperimentJson.Options));
        command.Parameters.AddWithValue("$event", System.Text.Json.JsonSerializer.Serialize(Epoch(1, 1, 0.25, 0.3), ExperimentJson.Options));
        command.ExecuteNonQuery();
    }
}
