using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hubs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Owners;

/// <summary>Hub clients that come from a chosen address, the owner-token calls, and a look into the store's file.</summary>
internal static class OwnerHubClient
{
    /// <summary>The in-memory server has no client address; this header gives a request one, as a real socket would.</summary>
    private const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Services for <see cref="MlIntroAppFactory"/> that honour <see cref="AddressHeader"/>.</summary>
    public static void AllowTestAddresses(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestAddressFilter>();

    public static async Task<HubConnection> ConnectFromAsync(this MlIntroAppFactory app, string address, CancellationToken cancellationToken)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, TrainingHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers[AddressHeader] = address;
            })
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    public static Task<string> OwnerTokenAsync(this HubConnection connection, CancellationToken cancellationToken) =>
        connection.InvokeAsync<string>("OwnerToken", cancellationToken);

    public static Task UseOwnerTokenAsync(this HubConnection connection, string token, CancellationToken cancellationToken) =>
        connection.InvokeAsync("UseOwnerToken", token, cancellationToken);

    /// <summary>One number from the store's SQLite file, read on a connection of its own.</summary>
    public static async Task<T> QueryAsync<T>(this TestDatabase database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class TestAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
