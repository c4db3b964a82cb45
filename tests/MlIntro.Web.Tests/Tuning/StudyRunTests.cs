using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Tuning;

/// <summary>A study started through the hub like any run: every trial published and stored, and resumable after a restart.</summary>
[Collection(HubTestGroup.Name)]
public sealed class StudyRunTests
{
    /// <summary>16 random trials of a 2-4-2-1 tanh net on the Playground's circle, learning rate and width searched.</summary>
    private static ExperimentDefinition Study(int epochs, int population) => new(
        Lesson.Tuning,
        new DataSpec("circle", Points: 100, TrainFraction: 0.5),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)], Activation.Tanh),
        new OptimizerSpec(OptimizerKind.GD, 0.03),
        new TrainingSpec(epochs, BatchSize: 10),
        Seed: 11,
        Study: new StudySpec(
            new SearchSpace(LearningRate: new FloatRange(0.003, 0.3, Log: true), Neurons: new IntRange(2, 6)),
            Trials: 16,
            Population: population));

    private static List<TrialRecord> Trials(IEnumerable<TrainingEvent> events) =>
        [.. events.Select(e => e.Study?.Trial).OfType<TrialRecord>()];

    /// <summary>The recorder writes in batches a second apart: waits until the run's end is stored.</summary>
    private static async Task<IExperimentStore> FinishedInStoreAsync(MlIntroAppFactory app, string id, CancellationToken cancellationToken)
    {
        var store = app.Services.GetRequiredService<IExperimentStore>();
        while ((await store.FindAsync(id, cancellationToken))?.Status != ExperimentStatus.Finished)
        {
            await Task.Delay(100, cancellationToken);
        }
        return store;
    }

    [Fact]
    public async Task Start_SixteenTrialRandomStudy_FinishesAndStoresEveryTrial()
    {
        using var timeout = HubClient.Timeout(120);
        await using var app = new MlIntroAppFactory();
        await using var client = await app.ConnectAsync(timeout.Token);

        var id = await client.StartRunAsync(Study(epochs: 20, population: 8), timeout.Token);
        var events = await client.WatchToEndAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        var live = Trials(events);
        Assert.Equal(Enumerable.Range(0, 16), live.Select(t => t.Number).Order());
        Assert.All(live, t => Assert.Equal(20, t.Epochs));
        Assert.All(live, t => Assert.Equal(t.ValidationLoss[^1], t.Objective!.Value, 6));
        var store = await FinishedInStoreAsync(app, id, timeout.Token);
        var stored = Trials(await store.EventsAsync(id, timeout.Token));
        Assert.Equal(Enumerable.Range(0, 16), stored.Select(t => t.Number).Order());
    }

    [Fact]
    public async Task Export_FinishedStudy_CsvHasATrialPerLineAndTensorBoardAFolderPerTrial()
    {
        using var timeout = HubClient.Timeout(120);
        await using var app = new MlIntroAppFactory();
        await using var client = await app.ConnectAsync(timeout.Token);
        var id = await client.StartRunAsync(Study(epochs: 5, population: 16), timeout.Token);
        await client.WatchToEndAsync(id, timeout.Token);
        await FinishedInStoreAsync(app, id, timeout.Token);
        using var http = app.CreateClient();

        var csv = await http.GetStringAsync(new Uri($"/e/{id}/export/csv", UriKind.Relative), timeout.Token);
        var zip = await http.GetByteArrayAsync(new Uri($"/e/{id}/export/tensorboard", UriKind.Relative), timeout.Token);
        using var missing = await http.GetAsync(new Uri("/e/no-such-run/export/csv", UriKind.Relative), timeout.Token);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("trial,state,ValidationLoss,epochs,learning_rate,neurons", lines[0].TrimEnd('\r'));
        Assert.Equal(17, lines.Length);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var folders = archive.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
        Assert.Equal(16, folders.Count(f => f.StartsWith("trial-", StringComparison.Ordinal)));
        Assert.Equal(["study"], folders.Where(f => !f.StartsWith("trial-", StringComparison.Ordinal))); // the study's own usage
        Assert.All(archive.Entries, e => Assert.Contains("/events.out.tfevents.", e.FullName, StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Restart_HostStoppedHalfway_SameStudyGoesOnNoTrialLostNoneRunTwice()
    {
        using var timeout = HubClient.Timeout(180);
        using var database = new TestDatabase();
        var definition = Study(epochs: 150, population: 4);
        var id = await StopHalfwayAsync(database, definition, null, timeout.Token);
        var stopped = await StoredAsync(database, id, timeout.Token);

        await using var second = new MlIntroAppFactory(database);
        var training = second.Services.GetRequiredService<MlIntro.Training.TrainingService>();
        while (training.LiveStatus(id) is null)
        {
            await Task.Delay(20, timeout.Token); // the resumer takes it up at start-up
        }
        await using var watcher = await second.ConnectAsync(timeout.Token);
        var events = await watcher.WatchToEndAsync(id, timeout.Token);
        await FinishedInStoreAsync(second, id, timeout.Token);
        var stored = await second.Services.GetRequiredService<IExperimentStore>().EventsAsync(id, timeout.Token);

        Assert.Equal(ExperimentStatus.Interrupted, stopped.Status.Status);
        Assert.InRange(stopped.Trials.Count, 4, 15);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        Assert.Single(events, e => e.IsTerminal);
        Assert.Contains($"{stopped.Trials.Count} kept from before a server restart", events[^1].Message, StringComparison.Ordinal);
        foreach (var stream in new[] { events, stored })
        {
            var after = Trials(stream);
            Assert.Equal(Enumerable.Range(0, 16), after.Select(t => t.Number).Order()); // each trial once: none run twice
            // Kept as stored (wall times included): a trial trained again would not match to the last digit.
            foreach (var old in stopped.Trials)
            {
                Assert.Equal(JsonSerializer.Serialize(old), JsonSerializer.Serialize(after.Single(t => t.Number == old.Number)));
            }
        }
        Assert.Equal(stored.Select(e => e.Sequence), stored.Select(e => e.Sequence).Distinct().Order());
        var progress = events.Select(e => e.Study?.Progress).OfType<StudyProgress>().ToList();
        Assert.All(progress, p => Assert.InRange(p.Training, 0, 16 - stopped.Trials.Count));
    }

    [Fact]
    public async Task Restart_ResumeSwitchedOff_StudyStaysInterruptedAndResumesAsNewRun()
    {
        using var timeout = HubClient.Timeout(180);
        using var database = new TestDatabase();
        var definition = Study(epochs: 150, population: 4);
        var off = new Dictionary<string, string> { ["Training:ResumeInterruptedStudies"] = "false" };
        var id = await StopHalfwayAsync(database, definition, off, timeout.Token);
        await using var second = new MlIntroAppFactory(database, off);
        await using var resumer = await second.ConnectAsync(timeout.Token);
        var store = second.Services.GetRequiredService<IExperimentStore>();
        var before = Trials(await store.EventsAsync(id, timeout.Token));

        var resumed = await resumer.StartRunAsync(definition with { Study = definition.Study! with { ResumeFrom = id } }, timeout.Token);
        var events = await resumer.WatchToEndAsync(resumed, timeout.Token);

        Assert.Equal(ExperimentStatus.Interrupted, (await store.FindAsync(id, timeout.Token))!.Status);
        Assert.Equal(ExperimentStatus.Finished, events[^1].Status);
        var after = Trials(events);
        Assert.Equal(Enumerable.Range(0, 16), after.Select(t => t.Number).Order());
        foreach (var old in before)
        {
            Assert.Equal(JsonSerializer.Serialize(old), JsonSerializer.Serialize(after.Single(t => t.Number == old.Number)));
        }
    }

    /// <summary>Starts the study on a server of its own and stops that server once the first wave is in, while the second trains.</summary>
    private static async Task<string> StopHalfwayAsync(
        TestDatabase database, ExperimentDefinition definition, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        await using var first = new MlIntroAppFactory(database, settings);
        await using var client = await first.ConnectAsync(cancellationToken);
        var id = await client.StartRunAsync(definition, cancellationToken);
        await foreach (var e in client.WatchRun(id, cancellationToken))
        {
            if (e.Study?.Trial is not null)
            {
                break;
            }
        }
        return id;
    }

    /// <summary>The stopped study as the store has it, read while no server runs (nothing can resume it meanwhile).</summary>
    private static async Task<(StoredExperiment Status, List<TrialRecord> Trials)> StoredAsync(TestDatabase database, string id, CancellationToken cancellationToken)
    {
        var off = new Dictionary<string, string> { ["Training:ResumeInterruptedStudies"] = "false" };
        await using var reader = new MlIntroAppFactory(database, off);
        var store = reader.Services.GetRequiredService<IExperimentStore>();
        var stored = await store.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException("The study was not stored.");
        return (stored, Trials(await store.EventsAsync(id, cancellationToken)));
    }
}
