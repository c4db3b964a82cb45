using MlIntro.Core.Experiments;
using MlIntro.Core.Tracking;
using MlIntro.Core.Tuning;

namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>What a compared line draws.</summary>
public enum ComparedCurve
{
    /// <summary>The loss on held-out events (validation, else test) per epoch.</summary>
    HeldOutLoss,

    /// <summary>The training loss per epoch: the model holds out no events (the likelihood lesson's resampler).</summary>
    TrainingLoss,

    /// <summary>The surface's value per step: an optimizer race on a formula has steps, not epochs or events.</summary>
    SurfaceLoss,
}

/// <summary>
/// One line of a compared run: the run itself, or one model of a multi-model run (a racer, a ladder's model, a
/// likelihood stage, a study's best trial), with its final figures.
/// </summary>
/// <param name="Series">Empty for a run of one model.</param>
/// <param name="X">Epochs (a surface race: steps).</param>
/// <param name="Epochs">The last epoch (a surface race: the steps taken).</param>
public sealed record ComparedSeries(
    string Series, ComparedCurve Curve, IReadOnlyList<double> X, IReadOnlyList<double> Y, int Epochs,
    double? FinalTrainLoss, double? FinalHeldOutLoss, double? FinalAccuracy);

/// <summary>One compared run: its definition, a line per model it trained, and what it cost.</summary>
public sealed record ComparedRun(string Id, StoredExperiment Stored, IReadOnlyList<ComparedSeries> Series, IReadOnlyList<RunUsage> Usage)
{
    /// <summary>"run id" for a run of one model, "run id · series" for each model of the others.</summary>
    public string LineName(ComparedSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Series.Length == 0 ? Id : $"{Id} · {series.Series}";
    }

    public static ComparedRun Of(StoredExperiment stored, IReadOnlyList<TrainingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(events);
        var usage = events.Select(e => e.Usage).OfType<RunUsage>().ToList();
        var series = stored.Definition switch
        {
            { Study: { } study } => BestTrial(study, events),
            { Surface: not null } => SurfaceSeries(events),
            _ => EpochSeries(events, stored.Definition),
        };
        return new ComparedRun(stored.Id, stored, series, usage);
    }

    /// <summary>A study's line is its best complete trial's held-out loss.</summary>
    private static List<ComparedSeries> BestTrial(StudySpec study, IReadOnlyList<TrainingEvent> events)
    {
        var best = events.Select(e => e.Study?.Trial).OfType<TrialRecord>().Where(t => t.State == TrialState.Complete && t.Objective is not null)
            .OrderBy(t => study.Objective.Maximises() ? -t.Objective!.Value : t.Objective!.Value).FirstOrDefault();
        return best is null ? [] :
        [
            new ComparedSeries($"best trial {best.Number}", ComparedCurve.HeldOutLoss, [.. Enumerable.Range(1, best.ValidationLoss.Length).Select(e => (double)e)],
                best.ValidationLoss, best.Epochs, best.TrainLoss.LastOrDefault(), best.ValidationLoss.LastOrDefault(), best.ValidationAccuracy?.LastOrDefault()),
        ];
    }

    /// <summary>
    /// One line per <see cref="EpochMetrics.Series"/>: a race's or ladder's models in the definition's order (a ladder
    /// trains them at once, so the order they publish in varies), the others in the order the run first published them.
    /// </summary>
    private static List<ComparedSeries> EpochSeries(IReadOnlyList<TrainingEvent> events, ExperimentDefinition definition)
    {
        var bySeries = new Dictionary<string, SortedDictionary<int, EpochMetrics>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var m in events.Select(e => e.Metrics).OfType<EpochMetrics>())
        {
            if (!bySeries.TryGetValue(m.Series, out var epochs))
            {
                bySeries[m.Series] = epochs = [];
                order.Add(m.Series);
            }
            // A run resumed from a checkpoint trains the epochs after it again: the later record is the one that counts.
            epochs[m.Epoch] = m;
        }
        List<string> named = [.. definition.Ladder?.Select(m => m.Name) ?? definition.Race?.Select(r => r.Name) ?? []];
        return [.. order.OrderBy(name => named.IndexOf(name) is var i and >= 0 ? i : named.Count + order.IndexOf(name))
            .Select(name => Line(name, [.. bySeries[name].Values]))];
    }

    private static ComparedSeries Line(string name, IReadOnlyList<EpochMetrics> epochs)
    {
        var heldOut = epochs.Any(m => (m.ValidationLoss ?? m.TestLoss) is not null);
        var last = epochs[^1];
        return new ComparedSeries(
            name,
            heldOut ? ComparedCurve.HeldOutLoss : ComparedCurve.TrainingLoss,
            [.. epochs.Select(m => (double)m.Epoch)],
            [.. epochs.Select(m => heldOut ? m.ValidationLoss ?? m.TestLoss ?? double.NaN : m.TrainLoss)],
            last.Epoch,
            last.TrainLoss,
            last.ValidationLoss ?? last.TestLoss,
            last.ValidationAccuracy ?? last.TestAccuracy);
    }

    /// <summary>A surface race: each optimizer's loss on the surface per step (step 0 is the start), from its trajectory chunks.</summary>
    private static List<ComparedSeries> SurfaceSeries(IReadOnlyList<TrainingEvent> events)
    {
        var paths = new Dictionary<string, (List<double> Steps, List<double> Loss)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var chunk in events.Select(e => e.Trajectory).OfType<TrajectoryChunk>())
        {
            foreach (var racer in chunk.Series)
            {
                if (!paths.TryGetValue(racer.Name, out var path))
                {
                    paths[racer.Name] = path = ([], []);
                    order.Add(racer.Name);
                }
                path.Steps.AddRange(Enumerable.Range(chunk.FirstStep, racer.Loss.Length).Select(s => (double)s));
                path.Loss.AddRange(racer.Loss);
            }
        }
        return [.. order.Select(name => paths[name]).Select((path, i) => new ComparedSeries(
            order[i], ComparedCurve.SurfaceLoss, path.Steps, path.Loss, path.Steps.Count == 0 ? 0 : (int)path.Steps[^1],
            path.Loss.Count == 0 ? null : path.Loss[^1], null, null))];
    }
}
