using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MlIntro.Web.Store;

/// <summary>Creates a context's tables on a PostgreSQL server that several MlIntro processes share.</summary>
/// <remarks>
/// Not EnsureCreated: it skips a database that holds any table at all, and the cluster's database also holds Orleans'
/// tables. Not migrations either: the schema has one shape since the first release on PostgreSQL, and a table-exists
/// check is what the SQLite path does too. Front ends and workers start together, so the check and the creation run
/// under a transaction-scoped advisory lock: the first process creates, the others wait and then find the tables.
/// </remarks>
internal static class PostgresSchema
{
    // Any constant shared by every MlIntro process; PostgreSQL advisory locks are keyed by a 64-bit number.
    private const long SchemaLockKey = 0x4D6C496E74726F;

    public static async Task EnsureTablesAsync(DbContext db, string table, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        await CreateDatabaseIfMissingAsync(creator, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken);
            var exists = await db.Database
                .SqlQuery<bool>($"SELECT to_regclass({Quoted(table)}) IS NOT NULL AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!exists)
            {
                await creator.CreateTablesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        });
    }

    private static async Task CreateDatabaseIfMissingAsync(IRelationalDatabaseCreator creator, CancellationToken cancellationToken)
    {
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it a moment ago.
        }
    }

    /// <summary>Table names are quoted identifiers (EF Core keeps their case), so to_regclass needs the quotes too.</summary>
    private static string Quoted(string table) => "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
