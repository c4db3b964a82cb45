using Bunit;
using MudBlazor.Services;

namespace MlIntro.Web.Tests.Widgets;

/// <summary>
/// A bUnit context with MudBlazor's services and Plotly.Blazor's module set up, for tests of components that draw
/// charts among MudBlazor inputs. MudBlazor's services dispose only asynchronously, so the context is disposed so.
/// </summary>
public abstract class MudChartTest : IAsyncDisposable
{
    protected MudChartTest()
    {
        Context.Services.AddMudServices();
        PlotlyModule.SetUp(Context);
    }

    protected BunitContext Context { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
