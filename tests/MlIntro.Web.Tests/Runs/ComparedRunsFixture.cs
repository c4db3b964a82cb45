using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Web.Components.Pages.Runs;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Runs;

/// <summary>A run trained through the hub: what its watcher saw, and what /runs makes of its stored copy.</summary>
internal sealed record TrainedRun(ExperimentDefinition Definition, string Id, IReadOnlyList<TrainingEvent> Watched, ComparedRun Compared);

/// <summary>
/// A network race, a capacity ladder, a surface race and a single Playground run, trained once through the shared app's
/// hub and read back from its store as /runs reads them.
/// </summary>
internal static class ComparedRunsFixture
{
    private static readonly Lock Gate = new();
    private static Task<IReadOnlyList<TrainedRun>>? _trained;

    public static readonly ExperimentDefinition NetworkRace = Definitions.SmallMlp(epochs: 6, seed: 1) with
    {
        Lesson = Lesson.Optimizers,
        Race =
        [
            new NamedOptimizer("GD 0.1", new OptimizerSpec(OptimizerKind.GD, 0.1)),
            new NamedOptimizer("Adam 0.01", new OptimizerSpec(OptimizerKind.Adam, 0.01)),
            new NamedOptimizer("RMSProp 0.01", new OptimizerSpec(OptimizerKind.RMSProp, 0.01)),
        ],
    };

    /// <summary>The ladder's two smallest networks on 500 real HIGGS events: one batch per epoch.</summary>
    public static readonly ExperimentDefinition Ladder = CapacityLadder.Definition([.. CapacityLadder.Sizes.Take(2)], trainingEvents: 500, labelNoise: 0, epochs: 4);

    public static readonly ExperimentDefinition SurfaceRace = new(
        Lesson.Optimizers, Data: null!, Model: null!, Optimizer: null!, Training: null!,
        Race: [new NamedOptimizer("GD 0.05", new OptimizerSpec(OptimizerKind.GD, 0.05)), new NamedOptimizer("Adam 0.05", new OptimizerSpec(OptimizerKind.Adam, 0.05))],
        Surface: new SurfaceSpec("lecture", Steps: 60));

    public static readonly ExperimentDefinition Single = Definitions.SmallMlp(epochs: 5);

    /// <summary>The four runs, in this order: race, ladder, surface race, single run (trained on first use only).</summary>
    public static Task<IReadOnlyList<TrainedRun>> TrainedAsync(MlIntroAppFactory app)
    {
        lock (Gate)
        {
            return _trained ??= TrainAsync(app);
        }
    }

    private static async Task<IReadOnlyList<TrainedRun>> TrainAsync(MlIntroAppFactory app)
    {
        using var timeout = HubClient.Timeout(120);
        await using var client = await app.ConnectAsync(timeout.Token);
        var store = app.Services.GetRequiredService<IExperimentStore>();
        var runs = new List<TrainedRun>();
        foreach (var definition in new[] { NetworkRace, Ladder, SurfaceRace, Single })
        {
            var id = await client.StartRunAsync(definition, timeout.Token);
            var watched = await client.WatchToEndAsync(id, timeout.Token);
            runs.Add(new TrainedRun(definition, id, watched, ComparedRun.Of(await FinishedAsync(store, id, timeout.Token), await store.EventsAsync(id, timeout.Token))));
        }
        return runs;
    }

    /// <summary>The recorder writes in batches a second apart: waits until the run's end is stored.</summary>
    private static async Task<StoredExperiment> FinishedAsync(IExperimentStore store, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await store.FindAsync(id, cancellationToken) is { Status: ExperimentStatus.Finished } stored)
            {
                return stored;
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
