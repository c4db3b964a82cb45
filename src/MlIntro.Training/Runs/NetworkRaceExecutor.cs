using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Trainers;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Training.Runs;

/// <summary>
/// The optimizers lesson's network race: the same model (same seed, so the same initial weights), the same data and
/// the same batch order trained once per racer of <see cref="ExperimentDefinition.Race"/>, interleaved epoch by
/// epoch, publishing <see cref="EpochMetrics"/> with <see cref="EpochMetrics.Series"/> = the racer's name.
/// A racer whose loss turns NaN/Inf stops; the others go on.
/// </summary>
/// <remarks>
/// REVIEW: the racers train one after the other each epoch. Stacking the K same-shaped models into one with batched
/// matmuls (torch.bmm) would cut the per-call overhead K-fold for tiny nets, but needs every optimizer to step a
/// stacked parameter exactly as it would step K separate ones (true for the element-wise rules, not for weight
/// decay variants that look at whole tensors); not done yet.
/// </remarks>
public sealed class NetworkRaceExecutor(DatasetCatalog catalog, Device device, TrainingOptions options, ILogger<NetworkRaceExecutor> logger) : IRunExecutor
{
    public void Execute(ExperimentRun run) => RunGuard.Execute(run, catalog, logger, (data, token) => Race(run, RacersOf(run.Definition), data, token));

    private static IReadOnlyList<NamedOptimizer> RacersOf(ExperimentDefinition definition) =>
        definition.Race is { Count: > 0 } race ? race : throw new ArgumentException("Race: a network race needs at least one optimizer.");

    private (ExperimentStatus Status, string? Message) Race(ExperimentRun run, IReadOnlyList<NamedOptimizer> race, DatasetSplit data, CancellationToken token)
    {
        torch.set_num_threads(options.ThreadsPerRun > 0 ? options.ThreadsPerRun : 1);
        var definition = run.Definition;
        var shape = ModelShape.For(data, definition.RequiredModel.Problem);
        using var train = SplitTensors.From(data.Train, shape, device);
        using var test = SplitTensors.From(data.Test, shape, device);
        var racers = new List<Racer>(race.Count);
        try
        {
            foreach (var entry in race)
            {
                racers.Add(new Racer(entry, shape, definition, device));
            }
            for (var epoch = 1; epoch <= definition.RequiredTraining.Epochs; epoch++)
            {
                run.Control.WaitForTurn(token);
                foreach (var racer in racers.Where(x => x.DivergedAtEpoch is null))
                {
                    var metrics = racer.TrainEpoch(train, test, epoch, token);
                    run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));
                }
                if (racers.All(x => x.DivergedAtEpoch is not null))
                {
                    break;
                }
            }
        }
        finally
        {
            racers.ForEach(x => x.Dispose());
        }
        var diverged = racers.Where(x => x.DivergedAtEpoch is not null).ToArray();
        if (diverged.Length == 0)
        {
            return (ExperimentStatus.Finished, null);
        }
        var message = "Diverged (loss NaN or infinite; try a smaller learning rate): "
            + string.Join(", ", diverged.Select(x => $"{x.Name} at epoch {x.DivergedAtEpoch}")) + ".";
        return (diverged.Length == racers.Count ? ExperimentStatus.Diverged : ExperimentStatus.Finished, message);
    }

    /// <summary>One racer: its network trained by its own <see cref="EpochTrainer"/> (same seed, so the same start and batch order).</summary>
    private sealed class Racer(NamedOptimizer entry, ModelShape shape, ExperimentDefinition definition, Device device) : IDisposable
    {
        private readonly EpochTrainer _trainer = new(definition, entry.Optimizer, shape, device);

        public string Name { get; } = entry.Name;

        public int? DivergedAtEpoch { get; private set; }

        public EpochMetrics TrainEpoch(SplitTensors train, SplitTensors test, int epoch, CancellationToken token)
        {
            var metrics = _trainer.TrainEpoch(epoch, train, null, test, token) with { Series = Name };
            if (!double.IsFinite(metrics.TrainLoss) || !double.IsFinite(metrics.TestLoss!.Value))
            {
                DivergedAtEpoch = epoch;
            }
            return metrics;
        }

        public void Dispose() => _trainer.Dispose();
    }
}
