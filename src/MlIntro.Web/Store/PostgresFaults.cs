using System.Net.Sockets;
using MlIntro.Core.Experiments;
using Npgsql;

namespace MlIntro.Web.Store;

/// <summary>PostgreSQL's errors in words, like <see cref="SqliteFaults"/> for the file.</summary>
internal static class PostgresFaults
{
    public static NpgsqlException? Find(Exception exception) => ExceptionChain.Find<NpgsqlException>(exception);

    /// <summary>
    /// The server is unreachable, refuses us, or has no room (connections, disk): nothing can be written until it is
    /// back. Errors in the data or the SQL are bugs and keep their own exception.
    /// </summary>
    public static bool IsStorageFault(Exception exception) => Find(exception) switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources (disk full, too many connections)
            || postgres.SqlState.StartsWith("57", StringComparison.Ordinal) // operator intervention (shutdown, cancelled)
            || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction
            || postgres.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification
            || postgres.SqlState == PostgresErrorCodes.InvalidPassword,
        { } other => other.IsTransient || other.InnerException is SocketException or TimeoutException,
        null => false,
    };

    public static StorageUnavailableException Unavailable(Exception exception) => new(
        $"Storage unavailable: the server cannot save runs right now (the database server: {Cause(Find(exception)!)}); try again later.", exception);

    /// <summary>One sentence for the operator, naming the server, the cause and what to do.</summary>
    public static string DescribeAtStart(string connectionString, NpgsqlException exception)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"The experiment database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port} cannot be used ({Cause(exception)}); "
            + "check that the server runs and ConnectionStrings:Experiments names it, its database and a user allowed to create tables, then start again.";
    }

    private static string Cause(NpgsqlException exception) => exception switch
    {
        PostgresException postgres => postgres.MessageText,
        { InnerException: SocketException socket } => socket.Message,
        _ => exception.Message,
    };
}
