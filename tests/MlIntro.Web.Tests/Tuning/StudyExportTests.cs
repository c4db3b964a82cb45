using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tests.Tracking;
using MlIntro.Core.Tuning;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Tuning;

/// <summary>A real study's TensorBoard download, read record by record by the independent reader: every trial's scalars, and the study's usage.</summary>
[Collection(HubTestGroup.Name)]
public sealed class StudyExportTests
{
    private static readonly ExperimentDefinition Study = new(
        Lesson.Tuning,
        new DataSpec("circle", Points: 100, TrainFraction: 0.5),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.GD, 0.03),
        new TrainingSpec(6, BatchSize: 10),
        Seed: 5,
        Study: new StudySpec(new SearchSpace(LearningRate: new FloatRange(0.003, 0.3, Log: true), Neurons: new IntRange(2, 6)), Trials: 6, Population: 3));

    [Fact]
    public async Task ExportTensorBoard_FinishedStudy_EveryTrialsLossesObjectiveAndSessionAreInItsRecords()
    {
        using var timeout = HubClient.Timeout(120);
        await using var app = new MlIntroAppFactory();
        await using var client = await app.ConnectAsync(timeout.Token);
        var id = await client.StartRunAsync(Study, timeout.Token);
        await client.WatchToEndAsync(id, timeout.Token);
        var store = app.Services.GetRequiredService<IExperimentStore>();
        while ((await store.FindAsync(id, timeout.Token))?.Status != ExperimentStatus.Finished)
        {
            await Task.Delay(100, timeout.Token);
        }
        var stored = await store.EventsAsync(id, timeout.Token);
        using var http = app.CreateClient();

        var zip = await http.GetByteArrayAsync(new Uri($"/e/{id}/export/tensorboard", UriKind.Relative), timeout.Token);

        using var archive = new ZipArchive(new MemoryStream(zip));
        var files = archive.Entries.ToDictionary(e => e.FullName.Split('/')[0], e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return TfRecordReader.Read(copy.ToArray());
        });
        var trials = stored.Select(e => e.Study?.Trial).OfType<TrialRecord>().ToList();
        Assert.Equal(6, trials.Count);
        foreach (var trial in trials)
        {
            var records = files[$"trial-{trial.Number:D3}"];
            var scalars = records.SelectMany(r => r.Scalars).ToList();
            Assert.Equal(trial.ValidationLoss.Select(v => (float)v), scalars.Where(s => s.Tag == "loss/held_out").OrderBy(s => s.Step).Select(s => s.Value));
            Assert.Equal(trial.TrainLoss.Select(v => (float)v), scalars.Where(s => s.Tag == "loss/train").OrderBy(s => s.Step).Select(s => s.Value));
            Assert.Equal((float)trial.Objective!.Value, scalars.Single(s => s.Tag == "objective/ValidationLoss").Value);
            Assert.Equal(["_hparams_/session_start_info", "_hparams_/session_end_info"], records.SelectMany(r => r.Plugins).Select(p => p.Tag));
        }
        // The study's own usage: one cpu_share per stored progress report that carried usage.
        var reports = stored.Where(e => e.Study?.Progress is not null && e.Usage is not null).ToList();
        Assert.NotEmpty(reports);
        var cpu = files["study"].SelectMany(r => r.Scalars).Where(s => s.Tag == "system/cpu_share").OrderBy(s => s.Step).Select(s => s.Value);
        Assert.Equal(reports.Select(r => (float)r.Usage!.CpuShare), cpu);
    }
}
