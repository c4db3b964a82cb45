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
public sealed class CircuitRunPauser(ITrainingRuns training, OwnerPresence presence, PageOwner page) : CircuitHandler
{
    // A tab starts a run per click; the oldest are long over by the time the list is full.
    private const int Remembered = 64;

    private readonly Lock _gate = new();
    private readonly List<string> _runs = [];
    private List<string> _paused = [];
    private IDisposable? _present;

    /// <summary>Called by the page for each run it starts.</summary>
    public void Track(string runId)
    {
        lock (_gate)
        {
            _runs.Add(runId);
            if (_runs.Count > Remembered)
            {
                _runs.RemoveAt(0);
            }
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

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        List<string> runs;
        lock (_gate)
        {
            runs = [.. _runs];
        }
        var paused = await training.PauseAllOfAsync(page.Owner.Id, runs, cancellationToken);
        lock (_gate)
        {
            _paused.AddRange(paused);
        }
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        List<string> paused;
        lock (_gate)
        {
            (paused, _paused) = (_paused, []);
        }
        foreach (var id in paused)
        {
            await training.ResumeAsync(id, page.Owner.Id, cancellationToken);
        }
    }
}
