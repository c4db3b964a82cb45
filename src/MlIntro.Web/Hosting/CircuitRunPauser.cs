using Microsoft.AspNetCore.Components.Server.Circuits;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Hosting;

/// <summary>
/// The runs a page (one circuit, one tab) started: paused while its browser is gone and resumed when it comes back,
/// since Blazor keeps a disconnected circuit for minutes before disposing its pages, and a Playground left running in a
/// closed tab would meanwhile take CPU from everyone else in the room. Only this tab's runs: the same browser's other
/// tabs share its owner and keep training. While the circuit lives, its owner counts as present (see
/// <see cref="OwnerPresence"/>).
/// </summary>
public sealed class CircuitRunPauser(TrainingService training, OwnerPresence presence, PageOwner page) : CircuitHandler
{
    private readonly Lock _gate = new();
    private readonly List<string> _runs = [];
    private readonly List<string> _paused = [];
    private IDisposable? _present;

    /// <summary>Called by the page for each run it starts.</summary>
    public void Track(string runId)
    {
        lock (_gate)
        {
            _runs.RemoveAll(id => training.LiveStatus(id) is not { } status || status.IsTerminal());
            _runs.Add(runId);
        }
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _present ??= presence.Enter(page.Owner.Id);
        }
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _present?.Dispose();
            _present = null;
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _paused.AddRange(training.PauseAllOf(page.Owner.Id, _runs));
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var id in _paused)
            {
                training.Resume(id, page.Owner.Id);
            }
            _paused.Clear();
        }
        return Task.CompletedTask;
    }
}
