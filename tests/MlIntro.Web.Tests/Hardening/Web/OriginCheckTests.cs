using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Web.Hubs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 7: the hub accepted WebSockets from any Origin, so any page a student opened could drive the server.
/// Raw WebSockets against the app on real Kestrel: another origin is refused (403) on the hub and on Blazor's
/// circuits; the app's own origin, an allowed one and a client without an Origin header connect.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class OriginCheckTests
{
    private const string Evil = "https://evil.example";

    private static MlIntroAppFactory KestrelApp(TestDatabase database, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        all["urls"] = "http://127.0.0.1:0";
        var factory = new MlIntroAppFactory(database, all);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    private static Uri Address(MlIntroAppFactory factory) =>
        new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Opens a WebSocket as a browser on <paramref name="origin"/> would (null: a non-browser client); the HTTP status of the upgrade.</summary>
    private static async Task<(HttpStatusCode? Status, WebSocketState State)> ConnectAsync(Uri server, string path, string? origin, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        var uri = new UriBuilder(server) { Scheme = "ws", Path = path }.Uri;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch (WebSocketException)
        {
            // refused: the status says by whom
        }
        var result = ((HttpStatusCode?)socket.HttpStatusCode, socket.State);
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
        return result;
    }

    [Fact]
    public async Task HubWebSocket_FromAnotherOrigin_Refused403()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = KestrelApp(database);
        var server = Address(factory);

        var evil = await ConnectAsync(server, TrainingHub.Path, Evil, timeout.Token);
        var circuit = await ConnectAsync(server, "/_blazor", Evil, timeout.Token);
        var own = await ConnectAsync(server, TrainingHub.Path, $"{server.Scheme}://{server.Authority}", timeout.Token);
        var noOrigin = await ConnectAsync(server, TrainingHub.Path, null, timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, evil.Status);
        Assert.NotEqual(WebSocketState.Open, evil.State);
        Assert.Equal(HttpStatusCode.Forbidden, circuit.Status);
        Assert.Equal(WebSocketState.Open, own.State);
        Assert.Equal(WebSocketState.Open, noOrigin.State);
    }

    [Fact]
    public async Task HubWebSocket_OriginOnTheAllowList_Connects()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var factory = KestrelApp(database, ("Hub:AllowedOrigins:0", "https://lab.example.org"));
        var server = Address(factory);

        var allowed = await ConnectAsync(server, TrainingHub.Path, "https://lab.example.org", timeout.Token);
        var evil = await ConnectAsync(server, TrainingHub.Path, Evil, timeout.Token);

        Assert.Equal(WebSocketState.Open, allowed.State);
        Assert.Equal(HttpStatusCode.Forbidden, evil.Status);
    }
}
