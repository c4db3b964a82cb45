using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>Starts a network race (<see cref="ExperimentDefinition.Race"/>) and draws one loss and accuracy line per optimizer live.</summary>
public sealed partial class NetworkRacePanel
{
    private NetworkRaceSettings _settings = NetworkRaceSettings.Default;
    private string? _message;
    private SeriesChart? _loss;
    private SeriesChart? _accuracy;

    private string DataLabel => DataLabels.Describe(_settings.Data) + " The same model, data, batch order and seed for every optimizer.";

    protected override void OnInitialized()
    {
        base.OnInitialized();
        if (Forks.Read(Lesson.Optimizers).Definition is { Surface: null, Race.Count: > 0 } fork)
        {
            _settings = NetworkRaceSettings.FromDefinition(fork);
        }
    }

    private async Task StartAsync()
    {
        var definition = _settings.ToDefinition();
        _message = null;
        var names = definition.Race!.Select(r => r.Name).ToList();
        await Task.WhenAll(_loss?.ResetAsync(names) ?? Task.CompletedTask, _accuracy?.ResetAsync(names) ?? Task.CompletedTask);
        await Run.StartAsync(definition);
    }

    protected override void Apply(TrainingEvent e)
    {
        if (e.Metrics is not null)
        {
            _loss?.Append(e.Metrics);
            _accuracy?.Append(e.Metrics);
        }
        else if (e.IsTerminal)
        {
            _message = e.Message ?? $"Finished: {e.Status}.";
        }
    }
}
