using Microsoft.Data.Sqlite;
using MlIntro.Core.Experiments;
using SQLitePCL;

namespace MlIntro.Web.Store;

/// <summary>SQLite's errors in words: what a failed write means for a user, and what a failed start means for the operator.</summary>
internal static class SqliteFaults
{
    /// <summary>The SQLite error behind <paramref name="exception"/> (EF Core wraps it in a DbUpdateException), or null.</summary>
    public static SqliteException? Find(Exception exception) => ExceptionChain.Find<SqliteException>(exception);

    /// <summary>A fault of the disk or file, not of the data or the code: nothing can be written until someone fixes it.</summary>
    public static bool IsStorageFault(Exception exception) =>
        Find(exception) is { } sqlite
        && Code(sqlite) is raw.SQLITE_PERM or raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_READONLY or raw.SQLITE_IOERR
            or raw.SQLITE_CORRUPT or raw.SQLITE_FULL or raw.SQLITE_CANTOPEN or raw.SQLITE_NOTADB;

    public static StorageUnavailableException Unavailable(Exception exception) => new(
        $"Storage unavailable: the server cannot save runs right now ({Cause(Find(exception)!)}); try again later.", exception);

    /// <summary>One sentence for the operator, naming the file, the cause and what to do.</summary>
    public static string DescribeAtStart(string file, SqliteException exception) => Code(exception) switch
    {
        raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT => Damaged(file, Cause(exception)),
        raw.SQLITE_BUSY or raw.SQLITE_LOCKED => $"The experiment database {file} is in use by another process ({Cause(exception)}); stop the other MlIntro server or tool using it, then start again.",
        raw.SQLITE_FULL => $"The disk holding the experiment database {file} is full ({Cause(exception)}); free some space, then start again.",
        raw.SQLITE_READONLY or raw.SQLITE_PERM or raw.SQLITE_CANTOPEN => $"The experiment database {file} cannot be written ({Cause(exception)}); make it and its folder writable for this user, then start again.",
        _ => $"The experiment database {file} cannot be used ({Cause(exception)}); move it away or restore a backup, then start again.",
    };

    public static string Damaged(string file, string cause) =>
        $"The experiment database {file} is damaged ({cause}); move it away or restore a backup, then start again.";

    private static int Code(SqliteException exception) => exception.SqliteErrorCode & 0xFF;

    /// <summary>SQLite's own words for the code, e.g. "file is not a database".</summary>
    private static string Cause(SqliteException exception) => raw.sqlite3_errstr(exception.SqliteErrorCode).utf8_to_string();
}
