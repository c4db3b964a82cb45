using Microsoft.AspNetCore.Components;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Hosting;

namespace MlIntro.Web.Components.Runs;

/// <summary>
/// The runs of one browser tab (one Blazor circuit), in the spirit of eShop's BasketState: one owner id for every run
/// the tab starts (so quotas and disconnect pausing see the tab as one user), the factory of each component's
/// <see cref="LessonRun"/>, and the address bar (<see cref="ForkReader"/> reads the fork link a page was opened with).
/// </summary>
public sealed class LessonRuns
{
    private readonly TrainingService _training;
    private readonly NavigationManager _navigation;
    private readonly ILogger<LessonRun> _logger;

    public LessonRuns(TrainingService training, CircuitRunPauser pauser, NavigationManager navigation, ILogger<LessonRun> logger)
    {
        ArgumentNullException.ThrowIfNull(pauser);
        (_training, _navigation, _logger) = (training, navigation, logger);
        pauser.Track(Owner);
    }

    /// <summary>Who the training service sees as the owner of this tab's runs.</summary>
    public string Owner { get; } = "page:" + Guid.NewGuid().ToString("N");

    /// <param name="onCircuit">The component's InvokeAsync.</param>
    /// <param name="apply">Applies one event to the component's state, on the circuit, in order.</param>
    /// <param name="render">Runs on the circuit after each applied batch (a StateHasChanged, a canvas paint).</param>
    public LessonRun Create(Func<Func<Task>, Task> onCircuit, Action<TrainingEvent> apply, Func<Task> render) =>
        new(_training, Owner, onCircuit, apply, render, _logger);

    /// <summary>Shows <paramref name="relative"/> in the address bar without a new history entry or a reload.</summary>
    public void ReplaceAddress(string relative) => _navigation.NavigateTo(relative, new NavigationOptions { ReplaceHistoryEntry = true });
}
