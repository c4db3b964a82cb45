using System.Text;
using Microsoft.Data.Sqlite;

namespace MlIntro.Web.Store;

/// <summary>Where a SQLite connection string points, so that a relative file is found however the app is started.</summary>
internal static class SqliteDataSource
{
    private const string UriPrefix = "file:";
    private const string ProcessLockQuery = "?vfs=unix-excl";

    /// <summary>Rewrites a relative file path in <paramref name="connectionString"/> to an absolute one under <paramref name="baseDirectory"/>.</summary>
    public static string ResolveAgainst(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (PlainFilePath(builder) is { } path && !Path.IsPathRooted(path))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, path));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Opens a plain database file through SQLite's <c>unix-excl</c> VFS: the process holds the file exclusively and
    /// keeps the WAL index in its own memory instead of a memory-mapped <c>-shm</c> file. A write fault on a mapped
    /// page (disk full, file system gone read-only) is a SIGBUS that kills the process without a log line; a heap
    /// index cannot fault, so such a disk shows up as SQLite errors instead. It also stops a second server (or any
    /// other process) from writing the same file. Left as given on Windows (no such VFS) and for URIs and memory.
    /// </summary>
    public static string WithProcessLock(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (OperatingSystem.IsWindows() || PlainFilePath(builder) is not { } path)
        {
            return connectionString;
        }

        builder.DataSource = UriPrefix + EscapeForUri(Path.GetFullPath(path)) + ProcessLockQuery;
        return builder.ToString();
    }

    /// <summary>The database file of a plain or <see cref="WithProcessLock"/> connection string; null for memory and other URIs.</summary>
    public static string? FilePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (dataSource.StartsWith(UriPrefix, StringComparison.OrdinalIgnoreCase) && dataSource.EndsWith(ProcessLockQuery, StringComparison.Ordinal))
        {
            return Uri.UnescapeDataString(dataSource[UriPrefix.Length..^ProcessLockQuery.Length]);
        }

        return PlainFilePath(builder);
    }

    /// <summary>Creates the folder of the database file if it is missing (SQLite creates the file, not its folder).</summary>
    public static void EnsureDirectory(string connectionString)
    {
        if (FilePath(connectionString) is { } path
            && Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>The database file, or null for in-memory databases and file: URIs (left to SQLite as given).</summary>
    private static string? PlainFilePath(SqliteConnectionStringBuilder builder)
    {
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource)
            || builder.Mode == SqliteOpenMode.Memory
            || dataSource == ":memory:"
            || dataSource.StartsWith(UriPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return dataSource;
    }

    /// <summary>SQLite URIs end the path at '?' or '#' and decode '%'; everything else may stay as it is.</summary>
    private static string EscapeForUri(string path)
    {
        var escaped = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            escaped.Append(c switch
            {
                '%' => "%25",
                '?' => "%3F",
                '#' => "%23",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
