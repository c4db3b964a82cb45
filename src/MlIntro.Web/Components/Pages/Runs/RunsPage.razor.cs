using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Tuning;
using Plotly.Blazor;

namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>Experiment tracking: this browser's runs (localStorage), and 2–10 of them compared from the store.</summary>
public sealed partial class RunsPage : IAsyncDisposable
{
    private readonly HashSet<string> _picked = [];
    private IJSObjectReference? _module;
    private List<RememberedRun>? _runs;
    private List<ComparedRun>? _compared;
    private IReadOnlyList<ComparedLine> _lines = [];
    private IReadOnlyList<(string Setting, IReadOnlyList<string> Values)> _diff = [];
    private List<string> _missing = [];

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IExperimentStore Store { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", RunList.Module);
            _runs = await _module.InvokeAsync<List<RememberedRun>>("list");
            StateHasChanged();
        }
    }

    private void Pick(string id, bool picked)
    {
        if (!picked || !_picked.Add(id))
        {
            _picked.Remove(id);
        }
    }

    private async Task CompareAsync()
    {
        var compared = new List<ComparedRun>();
        _missing = [];
        foreach (var id in _runs!.Select(r => r.Id).Where(_picked.Contains))
        {
            if (await Store.FindAsync(id, CancellationToken.None) is { } stored)
            {
                compared.Add(ComparedRun.Of(stored, await Store.EventsAsync(id, CancellationToken.None)));
            }
            else
            {
                _missing.Add(id);
            }
        }
        _compared = compared;
        _lines = ComparedLines.All(compared);
        _diff = DefinitionDiff.Of([.. compared.Select(c => c.Stored.Definition)]);
    }

    private static Plotly.Blazor.Layout CurvesLayout() => StudyCharts.Layout("epoch (a surface race: step)", "loss");

    private void DrawCurves(List<ITrace> traces) => ComparedLines.Draw(traces, _compared ?? []);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone: nothing to release.
            }
        }
    }
}
