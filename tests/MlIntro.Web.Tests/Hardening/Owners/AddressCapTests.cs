using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Owners;

/// <summary>Issue 9 item 3: new connections (new owners) from one address cannot add runs beyond the address's cap.</summary>
[Collection(HubTestGroup.Name)]
public sealed class AddressCapTests
{
    [Fact]
    public async Task Start_ThirdOwnerFromAnAddressAtItsCap_IsRefusedWhileAnotherAddressIsServed()
    {
        using var timeout = HubClient.Timeout();
        using var database = new TestDatabase();
        await using var app = new MlIntroAppFactory(
            database,
            new Dictionary<string, string> { ["Training:MaxRunsPerOwner"] = "2", ["Training:MaxRunsPerAddress"] = "3" },
            OwnerHubClient.AllowTestAddresses);
        await using var first = await app.ConnectFromAsync("10.1.1.1", timeout.Token);
        await using var second = await app.ConnectFromAsync("10.1.1.1", timeout.Token);
        await using var elsewhere = await app.ConnectFromAsync("10.1.1.2", timeout.Token);
        var running = new List<(HubConnection Client, string Id)>();
        try
        {
            running.Add((first, await first.StartRunAsync(Definitions.Endless(), timeout.Token)));
            running.Add((first, await first.StartRunAsync(Definitions.Endless(), timeout.Token)));
            running.Add((second, await second.StartRunAsync(Definitions.Endless(), timeout.Token)));

            var refused = await Assert.ThrowsAsync<HubException>(() => second.StartRunAsync(Definitions.Endless(), timeout.Token));
            running.Add((elsewhere, await elsewhere.StartRunAsync(Definitions.Endless(), timeout.Token)));

            Assert.Contains("network address already has 3 unfinished runs (the limit is 3)", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (client, id) in running)
            {
                await client.CancelRunAsync(id, timeout.Token);
            }
        }
    }
}
