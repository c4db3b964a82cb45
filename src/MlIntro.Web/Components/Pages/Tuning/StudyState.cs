using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Web.Components.Pages.Tuning;

/// <summary>What a page knows of a study from its events: the trials so far (by number) and the latest progress.</summary>
public sealed class StudyState
{
    private readonly SortedDictionary<int, TrialRecord> _trials = [];

    public IReadOnlyList<TrialRecord> Trials { get; private set; } = [];

    public StudyProgress? Progress { get; private set; }

    /// <summary>Bumped on every change, so that views redraw only when something did.</summary>
    public int Version { get; private set; }

    /// <summary>Takes in a study event; false for any other event.</summary>
    public bool Apply(TrainingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Study is not { } update)
        {
            return false;
        }
        if (update.Trial is { } trial)
        {
            _trials[trial.Number] = trial;
            Trials = [.. _trials.Values];
        }
        Progress = update.Progress ?? Progress;
        Version++;
        return true;
    }

    public void Clear()
    {
        _trials.Clear();
        Trials = [];
        Progress = null;
        Version++;
    }
}
