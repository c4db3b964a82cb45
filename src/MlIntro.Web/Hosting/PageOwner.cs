using Microsoft.AspNetCore.Components.Authorization;
using MlIntro.Training;

namespace MlIntro.Web.Hosting;

/// <summary>
/// The owner of a circuit's runs: the browser's, from the user Blazor gives the circuit (CircuitFactory hands the
/// /_blazor connection's <c>Context.User</c> to <c>CircuitHost.SetCircuitUser</c>, which sets this provider's state;
/// during prerendering it is the request's user), as <see cref="ClientIdentityMiddleware"/> made it. Without it (a test
/// renderer, a request that bypassed the middleware) a random owner of the tab's own. Fixed for the circuit's life.
/// </summary>
public sealed class PageOwner(AuthenticationStateProvider? authentication = null)
{
    private readonly Lazy<RunOwner> _owner = new(() => Resolve(authentication));

    public RunOwner Owner => _owner.Value;

    private static RunOwner Resolve(AuthenticationStateProvider? authentication)
    {
        try
        {
            var state = authentication?.GetAuthenticationStateAsync();
            if (state is { IsCompletedSuccessfully: true } && ClientIdentity.OwnerOf(state.Result.User) is { } owner)
            {
                return owner;
            }
        }
        catch (InvalidOperationException)
        {
            // no authentication state was set for this scope
        }
        return new RunOwner("page:" + Guid.NewGuid().ToString("N"));
    }
}
