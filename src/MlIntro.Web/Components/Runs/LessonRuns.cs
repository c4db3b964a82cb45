using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Hosting;

namespace MlIntro.Web.Components.Runs;

/// <summary>
/// The runs of one browser tab (one Blazor circuit), in the spirit of eShop's BasketState: every run the tab starts
/// belongs to the browser's owner (<see cref="PageOwner"/>: its cookie survives reloads and reconnects, and its tabs
/// share one quota), is tracked for the tab's disconnect pausing, and is made by the factory of each component's
/// <see cref="LessonRun"/>; also the address bar (<see cref="ForkReader"/> reads the fork link a page was opened with).
/// </summary>
public sealed class LessonRuns
{
    private readonly ITrainingRuns _training;
    private readonly CircuitRunPauser _pauser;
    private readonly PageOwner _page;
    private readonly NavigationManager _navigation;
    private readonly ILogger<LessonRun> _logger;

    public LessonRuns(ITrainingRuns training, CircuitRunPauser pauser, PageOwner page, NavigationManager navigation, ILogger<LessonRun> logger) =>
        (_training, _pauser, _page, _navigation, _logger) = (training, pauser, page, navigation, logger);

    /// <summary>Who the training service sees as the owner of this tab's runs.</summary>
    public string Owner => _page.Owner.Id;

    /// <param name="onCircuit">The component's InvokeAsync.</param>
    /// <param name="apply">Applies one event to the component's state, on the circuit, in order.</param>
    /// <param name="render">Runs on the circuit after each applied batch (a StateHasChanged, a canvas paint).</param>
    public LessonRun Create(Func<Func<Task>, Task> onCircuit, Action<TrainingEvent> apply, Func<Task> render) =>
        new(_training, _page.Owner, _pauser.Track, onCircuit, apply, render, _logger);

    /// <summary>Shows <paramref name="relative"/> in the address bar without a new history entry or a reload.</summary>
    public void ReplaceAddress(string relative) => _navigation.NavigateTo(relative, new NavigationOptions { ReplaceHistoryEntry = true });
}
