using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Runs;

/// <summary>
/// What every lesson page (and panel with a run of its own) shares: one <see cref="LessonRun"/> wired to the
/// component's circuit, its events handed to <see cref="Apply"/> in batches, and the run stopped on disposal.
/// A lesson page is then glue: it builds a definition from its controls and draws what <see cref="Apply"/> keeps.
/// </summary>
public abstract class LessonComponentBase : ComponentBase, IAsyncDisposable
{
    [Inject]
    protected LessonRuns Runs { get; set; } = default!;

    /// <summary>The fork link the page was opened with, read and validated.</summary>
    [Inject]
    protected ForkReader Forks { get; set; } = default!;

    protected LessonRun Run { get; private set; } = default!;

    protected bool IsInteractive => RendererInfo.IsInteractive;

    /// <summary>
    /// Set by a page that was opened with a fork link and has an address of its own for the same settings: the
    /// browser's address becomes that one once the page is interactive, so "Share settings" and reloads agree.
    /// </summary>
    protected string? AddressAfterFork { get; set; }

    protected override void OnInitialized() => Run = Runs.Create(InvokeAsync, Apply, AfterEventsAsync);

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && IsInteractive && AddressAfterFork is { } address)
        {
            Runs.ReplaceAddress(address);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts <paramref name="definition"/> and puts it into the address as a fork link (<c>?d=</c>), which the page
    /// reads back on load: a reload, a bookmark or a copied address brings the same settings back. For pages without an
    /// address format of their own (the Playground and the Optimizers keep short readable ones).
    /// </summary>
    protected async Task<bool> StartAndKeepInAddressAsync(ExperimentDefinition definition)
    {
        var started = await Run.StartAsync(definition);
        if (started && IsInteractive)
        {
            Runs.ReplaceAddress(Lessons.DefinitionLink.ForLesson(definition));
        }
        return started;
    }

    /// <summary>Applies one event of the run to the component's state; runs on the circuit, in order.</summary>
    protected abstract void Apply(TrainingEvent e);

    /// <summary>Runs on the circuit after each batch of events: renders by default.</summary>
    protected virtual Task AfterEventsAsync()
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Run.DisposeAsync();
        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a subclass holds besides its run (a JS module, say).</summary>
    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;
}
