using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tracking;
using MlIntro.Core.Tuning;

namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>One compared run: its definition, its curve (held-out loss per epoch), its final figures and what it cost.</summary>
public sealed record ComparedRun(
    string Id, StoredExperiment Stored, IReadOnlyList<double> HeldOutLoss, double? FinalTrainLoss, double? FinalHeldOutLoss, double? FinalAccuracy,
    IReadOnlyList<RunUsage>? Usage = null)
{
    /// <summary>A run's curve; a study's is its best complete trial's.</summary>
    public static ComparedRun Of(StoredExperiment stored, IReadOnlyList<TrainingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(events);
        var usage = events.Select(e => e.Usage).OfType<RunUsage>().ToList();
        if (stored.Definition.Study is { } study)
        {
            var best = events.Select(e => e.Study?.Trial).OfType<TrialRecord>().Where(t => t.State == TrialState.Complete && t.Objective is not null)
                .OrderBy(t => study.Objective.Maximises() ? -t.Objective!.Value : t.Objective!.Value).FirstOrDefault();
            return new ComparedRun(stored.Id, stored, best?.ValidationLoss ?? [], best?.TrainLoss.LastOrDefault(), best?.ValidationLoss.LastOrDefault(),
                best?.ValidationAccuracy?.LastOrDefault(), usage);
        }
        var epochs = events.Select(e => e.Metrics).OfType<EpochMetrics>().Where(m => m.Series.Length == 0).ToList();
        var last = epochs.LastOrDefault();
        return new ComparedRun(stored.Id, stored, [.. epochs.Select(m => m.ValidationLoss ?? m.TestLoss ?? double.NaN)],
            last?.TrainLoss, last?.ValidationLoss ?? last?.TestLoss, last?.ValidationAccuracy ?? last?.TestAccuracy, usage);
    }
}

/// <summary>The definition diff: every setting (as a JSON path) whose value is not the same in all compared runs.</summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<(string Setting, IReadOnlyList<string> Values)> Of(IReadOnlyList<ExperimentDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var flat = definitions.Select(d => Flatten(JsonSerializer.SerializeToNode(d, ExperimentJson.Options))).ToList();
        return [.. flat.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(key => (key, (IReadOnlyList<string>)[.. flat.Select(f => f.GetValueOrDefault(key, "—"))]))
            .Where(row => row.Item2.Distinct().Count() > 1)];
    }

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>();
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Walk(v, path.Length == 0 ? k : $"{path}.{k}");
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    }
                    break;
                case null:
                    break;
                default:
                    values[path] = n.ToJsonString();
                    break;
            }
        }
        Walk(node, "");
        return values;
    }
}
