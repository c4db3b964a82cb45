using Microsoft.Data.Sqlite;

namespace MlIntro.Web.Store;

/// <summary>
/// Before the schema is touched: is the SQLite file usable? Throws <see cref="ExperimentStoreUnusableException"/> with
/// one sentence naming the path, the cause and the fix, instead of a stack trace from deep inside EF Core.
/// </summary>
internal static class SqliteFileCheck
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    public static async Task VerifyAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (SqliteDataSource.FilePath(connectionString) is not { } path)
        {
            return;
        }

        var file = Path.GetFullPath(path);
        CheckFolder(Path.GetDirectoryName(file)!);
        if (!File.Exists(file))
        {
            return; // SQLite creates it
        }

        CheckFile(file);
        await CheckWithSqliteAsync(connectionString, file, cancellationToken);
    }

    private static void CheckFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw Unusable($"The data folder {folder} cannot be created ({Cause(ex)}); create it or set ConnectionStrings:Experiments to a writable place, then start again.", ex);
        }

        // SQLite writes its journal (-wal) beside the database: a folder it cannot write fails later, and less clearly.
        try
        {
            using var probe = new FileStream(
                Path.Combine(folder, $".mlintro-write-test-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw Unusable($"The data folder {folder} is not writable ({Cause(ex)}); make it writable for this user or set ConnectionStrings:Experiments to a writable place, then start again.", ex);
        }
    }

    private static void CheckFile(string file)
    {
        var header = new byte[Header.Length];
        int read;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            if (stream.Length == 0)
            {
                // SQLite would take an empty file for a new database and silently start an empty store: every stored
                // link would then say "no experiment". SQLite itself never leaves a database empty, so something cut it off.
                throw Unusable($"The experiment database {file} is empty (0 bytes): it was cut off or never written, and using it would silently replace the stored runs with an empty store; restore a backup, or delete the file to start with an empty store, then start again.");
            }

            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw Unusable($"The experiment database {file} cannot be opened for reading and writing ({Cause(ex)}); make it writable for this user, then start again.", ex);
        }

        if (read < Header.Length || !header.AsSpan().SequenceEqual(Header))
        {
            throw Unusable(SqliteFaults.Damaged(file, "file is not a database"));
        }
    }

    /// <summary>Reads the schema (SQLite finds random bytes and cut-off files here) and takes the write lock once.</summary>
    private static async Task CheckWithSqliteAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = 5 };
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master; BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unusable(SqliteFaults.DescribeAtStart(file, ex), ex);
        }
    }

    private static string Cause(Exception ex) => ex is UnauthorizedAccessException ? "permission denied" : ex.Message;

    private static ExperimentStoreUnusableException Unusable(string sentence, Exception? cause = null) =>
        cause is null ? new(sentence) : new(sentence, cause);
}
