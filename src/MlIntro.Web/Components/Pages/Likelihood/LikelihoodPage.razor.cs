using System.Globalization;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Components.Pages.Likelihood;

/// <summary>
/// Lesson 3: the classifier trick on toys with exact densities (learned r̂ beside the exact r, both ROCs), calibration,
/// the γ fit, reweighting (toys and real HIGGS background) and negative event weights with neural resampling.
/// </summary>
public sealed partial class LikelihoodPage
{
    private static readonly IReadOnlyList<string> LossSeries = ["classifier", "check", "resampler"];
    private LikelihoodSettings _settings = new();
    private LikelihoodSettings _runSettings = new();
    private LikelihoodFrame? _frame;
    private SeriesChart? _lossChart;
    private string? _forkProblem;
    private EpochMetrics? _lastEpoch;

    [Microsoft.AspNetCore.Components.Inject]
    private ExperimentLimits Limits { get; set; } = default!;

    private int MaxPerClass => Limits.MaxPoints / 2;

    private string StatusText => Run.Status switch
    {
        null => "not started",
        ExperimentStatus.Running => $"training the {_frame?.Stage ?? "classifier"}",
        { } s => s.ToString().ToLowerInvariant(),
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        var fork = Forks.Read(Lesson.LikelihoodRatios);
        _forkProblem = fork.Problem;
        if (fork.Definition is { Likelihood: not null } definition)
        {
            _settings = LikelihoodSettings.From(definition);
        }
    }

    /// <summary>"classifier: epoch 12 / 50", or the check classifier's or resampler's epochs once they train.</summary>
    private string Progress => _lastEpoch is { } m
        ? $"{m.Series}: epoch {m.Epoch} / {(m.Series == "check" ? _runSettings.Spec.CheckEpochs : _runSettings.Epochs)}"
        : $"epoch 0 / {_settings.Epochs}";

    private void ChangeSpec(Func<LikelihoodSpec, LikelihoodSpec> change) => _settings = _settings with { Spec = change(_settings.Spec) };

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private async Task TrainAsync()
    {
        await Run.StopAsync();
        (_frame, _lastEpoch) = (null, null);
        if (_lossChart is not null)
        {
            await _lossChart.ResetAsync(LossSeries);
        }
        _runSettings = _settings;
        await StartAndKeepInAddressAsync(_settings.ToDefinition());
    }

    protected override void Apply(TrainingEvent e)
    {
        switch (e.Kind)
        {
            case TrainingEventKind.Epoch when e.Metrics is not null:
                _lossChart?.Append(e.Metrics);
                _lastEpoch = e.Metrics;
                break;
            // A live frame never replaces the final one (a slow watcher may get the last live frame late).
            case TrainingEventKind.Likelihood when e.Likelihood is not null && _frame?.IsFinal != true:
                _frame = e.Likelihood;
                break;
            default:
                break;
        }
    }
}
