using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Runs;
using static TorchSharp.torch;

namespace MlIntro.Training.Overfitting;

/// <summary>
/// The overfitting lesson's capacity ladder (<see cref="ExperimentDefinition.Ladder"/>): every named model trained on the
/// same data with the same optimizer, seed and batch order, concurrently in one run (<see cref="LadderLanes"/>: a thread
/// per model, the run's torch threads shared between them), publishing <see cref="EpochMetrics"/> per model
/// (<see cref="EpochMetrics.Series"/> = its name). As in TensorFlow's "Overfit and underfit" tutorial, the training loss
/// is Keras' running mean over the epoch (dropout on) and the held-out set is measured after each epoch; a model with
/// dropout is also measured with dropout off. With early stopping each model stops on its own patience and keeps its
/// best epoch's weights (<see cref="EpochMetrics.RestoredEpoch"/> on its last epoch).
/// </summary>
public sealed class LadderExecutor(DatasetCatalog catalog, Device device, TrainingOptions options, ILogger<LadderExecutor> logger) : IRunExecutor
{
    public void Execute(ExperimentRun run) => RunGuard.Execute(run, catalog, logger, (data, token) => Train(run, data, token));

    private (ExperimentStatus Status, string? Message) Train(ExperimentRun run, Core.Data.DatasetSplit data, CancellationToken token)
    {
        var definition = run.Definition;
        var ladder = definition.Ladder is { Count: > 0 } l ? l : throw new ArgumentException("Ladder: a capacity ladder needs at least one model.");
        var shape = ModelShape.For(data, definition.RequiredModel.Problem);
        using var train = SplitTensors.From(data.Train, shape, device);
        using var heldOut = SplitTensors.From(data.Test, shape, device);
        using var rungs = new LadderRungs(ladder.Select(entry => (Func<LadderRung>)(() => new LadderRung(entry, definition, shape, device))));
        LadderLanes.Train(run, rungs.All, train, heldOut, ThreadsFor(rungs.All, train.Rows), token);
        var message = string.Join("; ", rungs.All.Select(r => r.Summary())) + ".";
        return (rungs.All.All(r => r.DivergedAt is not null) ? ExperimentStatus.Diverged : ExperimentStatus.Finished, message);
    }

    private int ThreadsFor(IEnumerable<LadderRung> rungs, int trainRows)
    {
        if (options.ThreadsPerRun > 0)
        {
            return options.ThreadsPerRun;
        }
        var parameters = rungs.Sum(r => r.Model.parameters().Sum(p => p.numel()));
        // As for one network: big work leaves a core to the stacked engine that trains everyone's Playground.
        return parameters * (long)trainRows > 20_000_000 ? Math.Max(1, Environment.ProcessorCount - 1) : 1;
    }
}
