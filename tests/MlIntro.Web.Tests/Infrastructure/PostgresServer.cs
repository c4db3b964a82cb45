using System.Diagnostics;
using Npgsql;

namespace MlIntro.Web.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests of the shared store: the one <c>MLINTRO_TEST_POSTGRES</c> names (a connection
/// string allowed to create databases), else a throw-away server from Debian's packages started by
/// <c>scripts/postgres-temp.sh</c> (scripts/test.sh installs the package when it is missing). Each test asks for a
/// database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "MLINTRO_TEST_POSTGRES";

    private string? _folder;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }

        // /tmp itself, not a folder under a private temp folder: the server runs as 'postgres' and must reach it.
        _folder = Path.Combine("/tmp", "mlintro-pg-" + Guid.NewGuid().ToString("N"));
        AdminConnectionString = (await RunScriptAsync("start", _folder, LocalMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            await RunScriptAsync("stop", _folder);
        }
    }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "mlintro_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A database name that does not exist yet: the store must create it.</summary>
    public string MissingDatabase() =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "mlintro_new_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(LocalMachine.RepositoryRoot(), "scripts", "postgres-temp.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/postgres-temp.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}"
                + $" Install Debian's postgresql (scripts/test.sh does) or set {Variable}.");
        }

        return await output;
    }
}

/// <summary>One server for every PostgreSQL test class (starting one takes about a second).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
