using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tracking;

/// <summary>A stored run or study as files to take away: CSV of its curves (or trials), JSON of everything, TensorBoard event files.</summary>
public static class RunExport
{
    /// <summary>Per epoch and series for a run; per trial (values, objective, state) for a study.</summary>
    public static string Csv(ExperimentDefinition definition, IReadOnlyList<TrainingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        var csv = new StringBuilder();
        if (definition.Study is { } study)
        {
            var dimensions = SearchDimensions.Of(study.Space);
            csv.AppendLine(string.Join(',', new[] { "trial", "state", study.Objective.ToString(), "epochs" }.Concat(dimensions.Select(d => d.Name))));
            foreach (var trial in Trials(events))
            {
                csv.AppendLine(string.Join(',', new[] { Number(trial.Number), trial.State.ToString(), Number(trial.Objective), Number(trial.Epochs) }
                    .Concat(dimensions.Select(d => trial.Values.TryGetValue(d.Name, out var v) ? d.Format(v) : ""))));
            }
            return csv.ToString();
        }
        csv.AppendLine("epoch,series,train_loss,test_loss,train_accuracy,test_accuracy,validation_loss,validation_accuracy,wall_seconds,samples_per_second,cpu_share");
        foreach (var e in events.Where(e => e.Metrics is not null))
        {
            var m = e.Metrics!;
            csv.AppendLine(string.Join(',', Number(m.Epoch), m.Series, Number(m.TrainLoss), Number(m.TestLoss), Number(m.TrainAccuracy),
                Number(m.TestAccuracy), Number(m.ValidationLoss), Number(m.ValidationAccuracy),
                Number(e.Usage?.WallSeconds), Number(e.Usage?.SamplesPerSecond), Number(e.Usage?.CpuShare)));
        }
        return csv.ToString();
    }

    /// <summary>The definition and every stored event, as the store keeps them.</summary>
    public static string Json(ExperimentDefinition definition, IReadOnlyList<TrainingEvent> events) =>
        JsonSerializer.Serialize(new { definition, events }, ExperimentJson.Options);

    /// <summary>
    /// A zip of TensorBoard log folders: one per series of a run (its losses and accuracies per epoch, and its
    /// <c>system/*</c> resource curves), or one per trial of a study (held-out and training loss per epoch, its
    /// objective, and the HParams session records) and the study's own <c>system/*</c> curves in <see cref="StudyFolder"/>.
    /// </summary>
    public static byte[] TensorBoard(ExperimentDefinition definition, IReadOnlyList<TrainingEvent> events, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        var wallTime = createdAt.ToUnixTimeMilliseconds() / 1000.0;
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (definition.Study is { } study)
            {
                var dimensions = SearchDimensions.Of(study.Space);
                foreach (var trial in Trials(events))
                {
                    Folder(archive, $"trial-{trial.Number:D3}", wallTime, writer =>
                    {
                        writer.PluginSummary(HParamsRecords.StartTag, HParamsRecords.Plugin, HParamsRecords.SessionStart(trial, dimensions, $"trial-{trial.Number:D3}", wallTime), wallTime);
                        for (var e = 0; e < trial.Epochs; e++)
                        {
                            writer.Scalar("loss/train", e + 1, trial.TrainLoss[e], wallTime + e);
                            writer.Scalar("loss/held_out", e + 1, trial.ValidationLoss[e], wallTime + e);
                        }
                        if (trial.Objective is { } objective)
                        {
                            writer.Scalar("objective/" + study.Objective, trial.Epochs, objective, wallTime + trial.Epochs);
                        }
                        writer.PluginSummary(HParamsRecords.EndTag, HParamsRecords.Plugin, HParamsRecords.SessionEnd(trial, wallTime + trial.Seconds), wallTime + trial.Seconds);
                    });
                }
                StudyUsage(archive, events, wallTime);
            }
            else
            {
                foreach (var series in events.Where(e => e.Metrics is not null).GroupBy(e => e.Metrics!.Series))
                {
                    Folder(archive, series.Key.Length == 0 ? "run" : Safe(series.Key), wallTime, writer =>
                    {
                        foreach (var e in series)
                        {
                            Scalars(writer, e.Metrics!, wallTime);
                            Usage(writer, e.Metrics!.Epoch, e.Usage, wallTime);
                        }
                    });
                }
            }
        }
        return zip.ToArray();
    }

    private static void Scalars(TensorBoardWriter writer, EpochMetrics m, double wallTime)
    {
        var at = wallTime + m.Epoch;
        writer.Scalar("loss/train", m.Epoch, m.TrainLoss, at);
        foreach (var (tag, value) in new (string, double?)[]
        {
            ("loss/test", m.TestLoss), ("loss/validation", m.ValidationLoss), ("accuracy/train", m.TrainAccuracy),
            ("accuracy/test", m.TestAccuracy), ("accuracy/validation", m.ValidationAccuracy),
        })
        {
            if (value is { } v)
            {
                writer.Scalar(tag, m.Epoch, v, at);
            }
        }
    }

    /// <summary>
    /// The study's own resource curves, from its progress events (trials share the study's process and threads, so they
    /// have none of their own): a <c>study</c> folder beside the trials', without HParams records, so only the
    /// scalar dashboard shows it. Step k is the k-th progress report.
    /// </summary>
    private static void StudyUsage(ZipArchive archive, IReadOnlyList<TrainingEvent> events, double wallTime)
    {
        var reports = events.Where(e => e.Study?.Progress is not null && e.Usage is not null).ToList();
        if (reports.Count == 0)
        {
            return;
        }
        Folder(archive, StudyFolder, wallTime, writer =>
        {
            for (var k = 0; k < reports.Count; k++)
            {
                var usage = reports[k].Usage!;
                Usage(writer, k + 1, usage, wallTime);
                writer.Scalar("progress/trials_done", k + 1, reports[k].Study!.Progress!.TrialsDone, wallTime + usage.WallSeconds);
            }
        });
    }

    /// <summary>The log folder of a study's own resource curves.</summary>
    public const string StudyFolder = "study";

    /// <summary>W&amp;B-style system metrics, at the wall time they were measured (TensorBoard's "relative" axis shows it).</summary>
    private static void Usage(TensorBoardWriter writer, int epoch, RunUsage? usage, double wallTime)
    {
        if (usage is null)
        {
            return;
        }
        var at = wallTime + usage.WallSeconds;
        writer.Scalar("system/cpu_share", epoch, usage.CpuShare, at);
        if (usage.SamplesPerSecond is { } rate)
        {
            writer.Scalar("system/samples_per_second", epoch, rate, at);
        }
        if (usage.GpuUtilizationPercent is { } gpu)
        {
            writer.Scalar("system/gpu_utilization_percent", epoch, gpu, at);
        }
        if (usage.GpuMemoryMiB is { } memory)
        {
            writer.Scalar("system/gpu_memory_mib", epoch, memory, at);
        }
    }

    private static void Folder(ZipArchive archive, string folder, double wallTime, Action<TensorBoardWriter> write)
    {
        var entry = archive.CreateEntry($"{folder}/{TensorBoardWriter.FileName(wallTime, "mlintro")}");
        using var stream = entry.Open();
        var writer = new TensorBoardWriter(stream);
        writer.FileVersion(wallTime);
        write(writer);
    }

    private static List<TrialRecord> Trials(IReadOnlyList<TrainingEvent> events) =>
        [.. events.Select(e => e.Study?.Trial).OfType<TrialRecord>().DistinctBy(t => t.Number).OrderBy(t => t.Number)];

    private static string Safe(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
