using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Optimizers;
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
    public void Execute(ExperimentRun run) => RunGuard.Execute(run, logger, token =>
        Train(run, catalog.Load(run.Definition.RequiredData, run.Definition.Seed, token), token));

    private (ExperimentStatus Status, string? Message) Train(ExperimentRun run, DatasetSplit data, CancellationToken token)
    {
        var definition = run.Definition;
        var race = definition.Race is { Count: > 0 } r ? r : throw new ArgumentException("Race: a network race needs at least one optimizer.");
        var shape = ModelShape.For(data, definition.RequiredModel.Problem);
        torch.set_num_threads(options.ThreadsPerRun > 0 ? options.ThreadsPerRun : 1);
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
                    var metrics = racer.TrainEpoch(train, test, shape, definition, epoch, token);
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

    /// <summary>One model and its optimizer; the batch order is drawn from its own generator with the run's seed.</summary>
    private sealed class Racer : IDisposable
    {
        private readonly Mlp _model;
        private readonly ITrainingOptimizer _optimizer;
        private readonly Random _shuffle;

        public Racer(NamedOptimizer entry, ModelShape shape, ExperimentDefinition definition, Device device)
        {
            Name = entry.Name;
            _model = new Mlp(shape.Inputs, definition.RequiredModel, shape.Outputs, definition.Seed);
            _model.to(device);
            _optimizer = OptimizerFactory.Create(entry.Optimizer, _model.parameters());
            _shuffle = new Random(definition.Seed);
        }

        public string Name { get; }

        public int? DivergedAtEpoch { get; private set; }

        public EpochMetrics TrainEpoch(SplitTensors train, SplitTensors test, ModelShape shape, ExperimentDefinition definition, int epoch, CancellationToken token)
        {
            var spec = definition.RequiredModel;
            var batchSize = definition.RequiredTraining.BatchSize;
            _model.train();
            using (var epochScope = NewDisposeScope())
            {
                var order = tensor(Permutation(train.Rows, _shuffle), device: train.X.device);
                var xs = train.X.index_select(0, order);
                var ys = train.Y.index_select(0, order);
                var ws = train.Weights?.index_select(0, order);
                for (var start = 0; start < train.Rows; start += batchSize)
                {
                    token.ThrowIfCancellationRequested();
                    using var stepScope = NewDisposeScope();
                    var length = Math.Min(batchSize, train.Rows - start);
                    _optimizer.ZeroGrad();
                    var output = _model.forward(xs.narrow(0, start, length));
                    var loss = LossFunctions.Mean(LossFunctions.PerEvent(output, ys.narrow(0, start, length), shape), ws?.narrow(0, start, length));
                    var objective = spec.Regularization == Regularization.None || spec.RegularizationRate == 0
                        ? loss
                        : loss + (_model.Penalty(spec.Regularization) * spec.RegularizationRate);
                    objective.backward();
                    _optimizer.Step();
                }
            }
            _model.eval();
            var (trainLoss, trainAccuracy) = NetworkRunExecutor.Evaluate(_model, train, shape);
            var (testLoss, testAccuracy) = NetworkRunExecutor.Evaluate(_model, test, shape);
            if (!double.IsFinite(trainLoss) || !double.IsFinite(testLoss))
            {
                DivergedAtEpoch = epoch;
            }
            return new EpochMetrics(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, Series: Name);
        }

        public void Dispose()
        {
            _optimizer.Dispose();
            _model.Dispose();
        }

        private static long[] Permutation(int count, Random random)
        {
            var order = new long[count];
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }
            random.Shuffle(order);
            return order;
        }
    }
}
