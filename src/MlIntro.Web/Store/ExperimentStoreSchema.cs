using System.Data;
using Microsoft.EntityFrameworkCore;

namespace MlIntro.Web.Store;

public static class ExperimentStoreSchema
{
    /// <summary>
    /// Checks the database file, creates the folder, file and tables if missing, upgrades files written by earlier
    /// versions, and puts SQLite in WAL mode. Safe to call on every start.
    /// </summary>
    /// <exception cref="ExperimentStoreUnusableException">The file or its folder cannot be used; the message says why in one sentence.</exception>
    /// <remarks>
    /// EnsureCreated rather than migrations: a self-hosted SQLite file needs no migration tooling. EnsureCreated does
    /// not alter an existing schema, so the few additions since the first release are applied here by hand.
    /// On PostgreSQL (a cluster's shared store) the tables are created once, by whichever process starts first.
    /// </remarks>
    public static async Task InitializeExperimentStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);

        var factory = services.GetRequiredService<IDbContextFactory<ExperimentDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            try
            {
                await PostgresSchema.EnsureTablesAsync(db, "Experiments", cancellationToken);
                await EnsureKeyTableAsync(services, cancellationToken);
            }
            catch (Exception ex) when (PostgresFaults.Find(ex) is { } postgres)
            {
                throw new ExperimentStoreUnusableException(PostgresFaults.DescribeAtStart(db.Database.GetConnectionString() ?? "", postgres), ex);
            }

            return;
        }

        var connectionString = db.Database.GetConnectionString() ?? "";
        await SqliteFileCheck.VerifyAsync(connectionString, cancellationToken);
        try
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            await UpgradeAsync(db, cancellationToken);
            // WAL lets pages read finished runs while a run is being written. The mode is stored in the file,
            // so setting it once per start is enough; SQLite answers with the mode now in force.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        catch (Exception ex) when (SqliteFaults.Find(ex) is { } sqlite && SqliteDataSource.FilePath(connectionString) is { } file)
        {
            throw new ExperimentStoreUnusableException(SqliteFaults.DescribeAtStart(Path.GetFullPath(file), sqlite), ex);
        }
    }

    /// <summary>
    /// Moves what the WAL journal holds into the database file, so that after a clean stop the .db file alone has every
    /// run (a backup may copy just that file). Call after the last write.
    /// </summary>
    /// <returns>False when a reader kept SQLite from emptying the journal (the data are safe, only split across files).</returns>
    public static async Task<bool> CheckpointExperimentStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);

        var factory = services.GetRequiredService<IDbContextFactory<ExperimentDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return true;
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        long busy;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            busy = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
        }

        await connection.CloseAsync();
        // Idle pooled connections keep the file open; closing them lets SQLite remove the emptied -wal file.
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool((Microsoft.Data.Sqlite.SqliteConnection)connection);
        return busy == 0;
    }

    /// <summary>The data-protection key table, when the keys are kept in the shared database (see DataProtectionRegistration).</summary>
    private static async Task EnsureKeyTableAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<DataProtectionKeysDbContext>() is { } keys)
        {
            await PostgresSchema.EnsureTablesAsync(keys, DataProtectionKeysDbContext.Table, cancellationToken);
        }
    }

    /// <summary>Files written before runs had owners lack the OwnerId column and its index.</summary>
    private static async Task UpgradeAsync(ExperimentDbContext db, CancellationToken cancellationToken)
    {
        var columns = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('Experiments')")
            .ToListAsync(cancellationToken);
        if (!columns.Contains(nameof(ExperimentEntity.OwnerId)))
        {
            // Runs stored before owners existed belong to nobody still connected.
            await db.Database.ExecuteSqlRawAsync(
                "ALTER TABLE \"Experiments\" ADD COLUMN \"OwnerId\" TEXT NOT NULL DEFAULT 'unknown';", cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(
            "CREATE INDEX IF NOT EXISTS \"IX_Experiments_OwnerId\" ON \"Experiments\" (\"OwnerId\");", cancellationToken);
    }
}
