using System.IO.Compression;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tracking;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tracking;

/// <summary>A study's TensorBoard export carries the study's own resource curves (from its progress events) as system/* scalars.</summary>
public sealed class StudyUsageExportTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static TrainingEvent Progress(long sequence, int done, RunUsage usage) =>
        new(sequence, TrainingEventKind.Study, ExperimentStatus.Running,
            Study: new StudyUpdate(Progress: new StudyProgress(done, 2, 2 - done, 1, 2, usage.WallSeconds, null)), Usage: usage);

    [Fact]
    public void TensorBoard_StudyWithProgressUsage_StudyFolderHoldsEveryReportsCpuGpuAndTrialsDone()
    {
        var definition = new ExperimentDefinition(Lesson.Tuning, new DataSpec("circle"), new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.GD, 0.03), new TrainingSpec(2, 10),
            Study: new StudySpec(new SearchSpace(Neurons: new IntRange(2, 4)), Trials: 2));
        var trial = new TrialRecord(0, new Dictionary<string, double> { ["neurons"] = 3 }, TrialState.Complete, 0.4, 2, [0.6, 0.5], [0.62, 0.4]);
        var usage = new[] { new RunUsage(0.5, null, 0.75), new RunUsage(1.0, null, 0.5, GpuUtilizationPercent: 40, GpuMemoryMiB: 512) };
        List<TrainingEvent> events =
        [
            Progress(1, 0, usage[0]),
            new(2, TrainingEventKind.Study, ExperimentStatus.Running, Study: new StudyUpdate(Trial: trial)),
            Progress(3, 1, usage[1]),
        ];

        using var archive = new ZipArchive(new MemoryStream(RunExport.TensorBoard(definition, events, Created)));

        Assert.Equal(["study", "trial-000"], archive.Entries.Select(e => e.FullName.Split('/')[0]).Order());
        using var stream = archive.Entries.Single(e => e.FullName.StartsWith("study/", StringComparison.Ordinal)).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var records = TfRecordReader.Read(copy.ToArray());
        var scalars = records.SelectMany(r => r.Scalars).ToList();
        Assert.Equal([0.75f, 0.5f], scalars.Where(s => s.Tag == "system/cpu_share").OrderBy(s => s.Step).Select(s => s.Value));
        Assert.Equal([0f, 1f], scalars.Where(s => s.Tag == "progress/trials_done").OrderBy(s => s.Step).Select(s => s.Value));
        Assert.Equal((2, 40f), (scalars.Single(s => s.Tag == "system/gpu_utilization_percent").Step, scalars.Single(s => s.Tag == "system/gpu_utilization_percent").Value));
        Assert.Equal(512f, scalars.Single(s => s.Tag == "system/gpu_memory_mib").Value);
        Assert.DoesNotContain(scalars, s => s.Tag == "system/samples_per_second");
        Assert.Empty(records.SelectMany(r => r.Plugins));
        // Each report at the wall time it was measured: the export's start plus its WallSeconds.
        var last = records.Last(r => r.Scalars.Any(s => s.Tag == "system/cpu_share"));
        Assert.Equal(Created.ToUnixTimeSeconds() + 1.0, last.WallTime, 6);
    }
}
