using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>
/// Lesson 7: a hyperparameter study (grid, random or TPE, optionally with successive halving) on a Playground toy,
/// HIGGS or toy jets, trained as a population on the server; its trials live in the HParams/Optuna views.
/// </summary>
public sealed partial class TuningPage
{
    private TuningSettings _s = new();
    private ExperimentDefinition? _definition;
    private readonly StudyState _state = new();
    private UploadedChoice? _upload;

    private string DataLabel => _s.Data == HiggsUciSource.Name
        ? $"Real data: {HiggsUciSource.Citation}; {_s.Points:N0} training events drawn, a fixed stratified held-out set scores every trial."
        : DataLabels.Describe(_s.Definition());

    private string StatusText => Run.Status switch
    {
        null => "not started",
        ExperimentStatus.Running => "searching",
        { } s => s.ToString().ToLowerInvariant(),
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        if (Forks.Read(Lesson.Tuning).Definition is { Study: not null } fork)
        {
            _s = TuningSettings.From(fork);
        }
    }

    private async Task StartAsync()
    {
        await Run.StopAsync();
        _state.Clear();
        _definition = _s.Definition();
        await StartAndKeepInAddressAsync(_definition);
    }

    /// <summary>An uploaded table is searched like any data set (its own train/test split); trials score on its held-out part.</summary>
    private void UseUpload(UploadedChoice choice)
    {
        _upload = choice;
        _s = _s with { Data = choice.CatalogName };
    }

    protected override void Apply(TrainingEvent e) => _state.Apply(e);
}
