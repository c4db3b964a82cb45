using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hosting;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Owners;

/// <summary>Issue 9 item 3: a hub client's runs belong to a token it can take to a new connection, not to the connection.</summary>
[Collection(HubTestGroup.Name)]
public sealed class OwnerTokenTests(SharedApp shared)
{
    [Fact]
    public async Task Cancel_OrphanedRunFromANewConnectionWithTheOwnerToken_EndsTheRun()
    {
        using var timeout = HubClient.Timeout();
        var first = await shared.Factory.ConnectAsync(timeout.Token);
        var token = await first.OwnerTokenAsync(timeout.Token);
        var id = await first.StartRunAsync(Definitions.Endless(), timeout.Token);
        await first.DisposeAsync();
        await using var second = await shared.Factory.ConnectAsync(timeout.Token);

        var stranger = await Assert.ThrowsAsync<HubException>(() => second.CancelRunAsync(id, timeout.Token));
        await second.UseOwnerTokenAsync(token, timeout.Token);
        var cancelled = await second.CancelRunAsync(id, timeout.Token);
        var events = await second.WatchToEndAsync(id, timeout.Token);

        Assert.Contains("Only the session that started a run can control it", stranger.Message, StringComparison.Ordinal);
        Assert.True(cancelled);
        Assert.Equal(ExperimentStatus.Cancelled, events[^1].Status);
    }

    [Fact]
    public async Task OwnerToken_TwoConnections_DifferAndOnlyTheirHashIsStored()
    {
        using var timeout = HubClient.Timeout();
        await using var first = await shared.Factory.ConnectAsync(timeout.Token);
        await using var second = await shared.Factory.ConnectAsync(timeout.Token);

        var token = await first.OwnerTokenAsync(timeout.Token);
        var other = await second.OwnerTokenAsync(timeout.Token);
        var id = await first.StartRunAsync(Definitions.SmallMlp(epochs: 1), timeout.Token);
        await first.WatchToEndAsync(id, timeout.Token);
        var stored = await shared.Factory.Database.QueryAsync<string>($"SELECT OwnerId FROM Experiments WHERE Id = '{id}'", timeout.Token);

        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.NotEqual(token, other);
        Assert.Equal(ClientIdentity.OwnerIdOf(token), stored);
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseOwnerToken_NotAToken_IsRefusedWithAMessage()
    {
        using var timeout = HubClient.Timeout();
        await using var client = await shared.Factory.ConnectAsync(timeout.Token);

        var error = await Assert.ThrowsAsync<HubException>(() => client.UseOwnerTokenAsync("guess", timeout.Token));

        Assert.Contains("not an owner token", error.Message, StringComparison.Ordinal);
    }
}
