using System.IO.Compression;
using System.Text;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tracking;
using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tests.Tracking;

/// <summary>Exported event files parse record by record (length, masked CRC-32C, Event protobuf) and hold every scalar.</summary>
public sealed class TensorBoardExportTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public void TensorBoard_Run_EveryEpochsLossesAndAccuraciesAreInTheEventFile()
    {
        var definition = new ExperimentDefinition(Lesson.Playground, new DataSpec("circle"), new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.GD, 0.03), new TrainingSpec(3, 10));
        var metrics = new[] { (0.69, 0.70, 0.5, 0.48), (0.55, 0.58, 0.71, 0.69), (0.41, 0.47, 0.83, 0.8) };
        var events = metrics.Select((m, i) => new TrainingEvent(i + 1, TrainingEventKind.Epoch, ExperimentStatus.Running,
            new EpochMetrics(i + 1, m.Item1, m.Item2, m.Item3, m.Item4))).ToList();

        var files = Unzip(RunExport.TensorBoard(definition, events, Created));

        var (name, bytes) = Assert.Single(files);
        Assert.StartsWith("run/events.out.tfevents.", name, StringComparison.Ordinal);
        var records = TfRecordReader.Read(bytes);
        Assert.Equal("brain.Event:2", records[0].FileVersion);
        var scalars = records.SelectMany(r => r.Scalars).ToList();
        Assert.Equal(12, scalars.Count);
        for (var e = 0; e < metrics.Length; e++)
        {
            var step = e + 1;
            Assert.Equal((float)metrics[e].Item1, scalars.Single(s => s.Tag == "loss/train" && s.Step == step).Value);
            Assert.Equal((float)metrics[e].Item2, scalars.Single(s => s.Tag == "loss/test" && s.Step == step).Value);
            Assert.Equal((float)metrics[e].Item3, scalars.Single(s => s.Tag == "accuracy/train" && s.Step == step).Value);
            Assert.Equal((float)metrics[e].Item4, scalars.Single(s => s.Tag == "accuracy/test" && s.Step == step).Value);
        }
        Assert.All(records, r => Assert.Equal(Created.ToUnixTimeSeconds(), r.WallTime, 0.5 + metrics.Length));
    }

    [Fact]
    public void TensorBoard_RunWithUsage_SystemScalarsAtTheirOwnWallTime()
    {
        var definition = new ExperimentDefinition(Lesson.Playground, new DataSpec("circle"), new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.GD, 0.03), new TrainingSpec(2, 10));
        var usage = new[] { new RunUsage(0.25, 1_000, 0.5), new RunUsage(0.75, 1_200, 0.625) };
        var events = usage.Select((u, i) => new TrainingEvent(i + 1, TrainingEventKind.Epoch, ExperimentStatus.Running,
            new EpochMetrics(i + 1, 0.6, 0.6), Usage: u)).ToList();

        var records = TfRecordReader.Read(Assert.Single(Unzip(RunExport.TensorBoard(definition, events, Created))).Value);
        var csv = RunExport.Csv(definition, events).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        for (var e = 0; e < usage.Length; e++)
        {
            var step = e + 1;
            var cpu = records.Single(r => r.Scalars.Any(s => s.Tag == "system/cpu_share" && s.Step == step));
            Assert.Equal((float)usage[e].CpuShare, cpu.Scalars.Single(s => s.Tag == "system/cpu_share").Value);
            Assert.Equal(Created.ToUnixTimeSeconds() + usage[e].WallSeconds, cpu.WallTime, 6);
            Assert.Equal((float)usage[e].SamplesPerSecond!.Value, records.SelectMany(r => r.Scalars).Single(s => s.Tag == "system/samples_per_second" && s.Step == step).Value);
        }
        Assert.EndsWith("wall_seconds,samples_per_second,cpu_share", csv[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.EndsWith("0.75,1200,0.625", csv[2].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public void TensorBoard_Study_OneFolderPerTrialWithItsCurvesAndHParamsSessions()
    {
        var space = new SearchSpace(LearningRate: new FloatRange(0.001, 0.1, Log: true), Activations: [Activation.Tanh, Activation.ReLU]);
        var definition = new ExperimentDefinition(Lesson.Tuning, new DataSpec("circle"), new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.GD, 0.03), new TrainingSpec(2, 10), Study: new StudySpec(space, Trials: 2));
        var trials = new[]
        {
            new TrialRecord(0, new Dictionary<string, double> { ["learning_rate"] = 0.01, ["activation"] = 1 }, TrialState.Complete, 0.4, 2, [0.6, 0.5], [0.62, 0.4]),
            new TrialRecord(1, new Dictionary<string, double> { ["learning_rate"] = 0.002, ["activation"] = 0 }, TrialState.Pruned, 0.66, 1, [0.69], [0.66]),
        };
        var events = trials.Select((t, i) => new TrainingEvent(i + 1, TrainingEventKind.Study, ExperimentStatus.Running, Study: new StudyUpdate(t))).ToList();

        var files = Unzip(RunExport.TensorBoard(definition, events, Created));

        Assert.Equal(["trial-000", "trial-001"], files.Keys.Select(k => k.Split('/')[0]).Order());
        foreach (var trial in trials)
        {
            var records = TfRecordReader.Read(files.Single(f => f.Key.StartsWith($"trial-{trial.Number:D3}/", StringComparison.Ordinal)).Value);
            var scalars = records.SelectMany(r => r.Scalars).ToList();
            for (var e = 0; e < trial.Epochs; e++)
            {
                Assert.Equal((float)trial.TrainLoss[e], scalars.Single(s => s.Tag == "loss/train" && s.Step == e + 1).Value);
                Assert.Equal((float)trial.ValidationLoss[e], scalars.Single(s => s.Tag == "loss/held_out" && s.Step == e + 1).Value);
            }
            Assert.Equal((float)trial.Objective!.Value, scalars.Single(s => s.Tag == "objective/ValidationLoss").Value);
            var plugins = records.SelectMany(r => r.Plugins).ToList();
            Assert.Equal(["_hparams_/session_start_info", "_hparams_/session_end_info"], plugins.Select(p => p.Tag));
            Assert.All(plugins, p => Assert.Equal("hparams", p.Plugin));
            // session_start_info (3) → hparams map entries (1) → key (1), Value (2) with number_value (2) or string_value (3)
            var start = TfRecordReader.Fields(plugins[0].Content).Single(f => f.Field == 3).Bytes!;
            var hparams = TfRecordReader.Fields(start).Where(f => f.Field == 1).Select(f => TfRecordReader.Fields(f.Bytes!))
                .ToDictionary(e => Encoding.UTF8.GetString(e.Single(x => x.Field == 1).Bytes!), e => TfRecordReader.Fields(e.Single(x => x.Field == 2).Bytes!).Single());
            Assert.Equal(trial.Values["learning_rate"], BitConverter.Int64BitsToDouble((long)hparams["learning_rate"].Value));
            Assert.Equal(trial.Values["activation"] == 1 ? "ReLU" : "Tanh", Encoding.UTF8.GetString(hparams["activation"].Bytes!));
        }
    }
}
