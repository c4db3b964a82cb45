using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Training.Trainers;

/// <summary>
/// Where one network's epoch is trained: the network, its optimizer and its own batch order; the batch loop
/// (forward, loss, penalty, backward, optimizer step) and the measuring of the splits after the epoch. The single-run
/// executor trains one, the network race one per racer; the stacked engine (<see cref="Batching.StackedGroup"/>)
/// trains K such networks at once from the same definitions (<see cref="Activations"/>, <see cref="LossFunctions"/>,
/// <see cref="WeightPenalty"/>, <see cref="UpdateRules"/>, <see cref="BatchOrder"/>). Synchronous, on the run's thread.
/// </summary>
public sealed class EpochTrainer : IDisposable
{
    /// <summary>
    /// Up to this many training rows the train loss is measured again after the epoch, as TensorFlow Playground does;
    /// above it, it is the running mean over the epoch's batches, as Keras reports it, instead of a second pass.
    /// </summary>
    public const int FullTrainEvaluationRows = 20_000;

    private readonly ModelShape _shape;
    private readonly ModelSpec _spec;
    private readonly ITrainingOptimizer _optimizer;
    private readonly int _batchSize;
    private readonly Random _shuffle;

    /// <summary>The definition's network (its seed gives the initial weights and the batch order) with <paramref name="optimizer"/>.</summary>
    /// <exception cref="ArgumentException">The optimizer spec is invalid (see <see cref="OptimizerFactory.Create"/>).</exception>
    public EpochTrainer(ExperimentDefinition definition, OptimizerSpec optimizer, ModelShape shape, Device device)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(shape);
        _shape = shape;
        _spec = definition.RequiredModel;
        _batchSize = definition.RequiredTraining.BatchSize;
        _shuffle = new Random(definition.Seed);
        Model = new Mlp(shape.Inputs, definition.RequiredModel, shape.Outputs, definition.Seed);
        try
        {
            Model.to(device);
            _optimizer = OptimizerFactory.Create(optimizer, Model.parameters());
        }
        catch
        {
            Model.Dispose();
            throw;
        }
    }

    public Mlp Model { get; }

    /// <summary>
    /// One epoch over <paramref name="train"/> in the trainer's shuffled batches, then the epoch's metrics: train, and
    /// validation when one is held out, else test.
    /// </summary>
    public EpochMetrics TrainEpoch(int epoch, SplitTensors train, SplitTensors? validation, SplitTensors test, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var running = RunBatches(train, train.Rows > FullTrainEvaluationRows, token);
        Model.eval();
        var (trainLoss, trainAccuracy) = train.Rows <= FullTrainEvaluationRows ? Evaluate(Model, train, _shape, token) : running;
        if (validation is not null)
        {
            var (validationLoss, validationAccuracy) = Evaluate(Model, validation, _shape, token);
            return new EpochMetrics(epoch, trainLoss, null, trainAccuracy, null, ValidationLoss: validationLoss, ValidationAccuracy: validationAccuracy);
        }
        var (testLoss, testAccuracy) = Evaluate(Model, test, _shape, token);
        return new EpochMetrics(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy);
    }

    /// <summary>
    /// One epoch as Keras reports it, whatever the set's size: the training loss and accuracy are the running means over
    /// the epoch's batches (with dropout on, as trained), the held-out set is measured after the epoch as the test set.
    /// With <paramref name="measureWithoutDropout"/> the training set is also measured again after the epoch with dropout
    /// off (<see cref="EpochMetrics.TrainLossWithoutDropout"/>): the extra pass shows why dropout's train loss sits high.
    /// </summary>
    public EpochMetrics TrainEpochRunning(int epoch, SplitTensors train, SplitTensors heldOut, bool measureWithoutDropout, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(heldOut);
        var (trainLoss, trainAccuracy) = RunBatches(train, trackRunning: true, token);
        Model.eval();
        var (testLoss, testAccuracy) = Evaluate(Model, heldOut, _shape, token);
        double? withoutDropout = measureWithoutDropout ? Evaluate(Model, train, _shape, token).Loss : null;
        return new EpochMetrics(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy, TrainLossWithoutDropout: withoutDropout);
    }

    /// <summary>
    /// Loss and accuracy (classification) of <paramref name="model"/> over a whole split, in chunks (<see cref="EvaluationChunk"/>)
    /// so that large sets stay within memory and a big network's pass stops soon after <paramref name="token"/> fires.
    /// </summary>
    public static (double Loss, double? Accuracy) Evaluate(Mlp model, SplitTensors split, ModelShape shape, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(shape);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var chunk = EvaluationChunk.Rows(model);
        var losses = new List<Tensor>();
        var outputs = new List<Tensor>();
        for (var start = 0; start < split.Rows; start += chunk)
        {
            token.ThrowIfCancellationRequested();
            var length = Math.Min(chunk, split.Rows - start);
            var output = model.forward(split.X.narrow(0, start, length));
            outputs.Add(output);
            losses.Add(LossFunctions.PerEvent(output, split.Y.narrow(0, start, length), shape));
        }
        var all = cat(outputs, 0);
        var loss = LossFunctions.Mean(cat(losses, 0), split.LossWeights).item<float>();
        double? accuracy = shape.Problem == ProblemKind.Classification
            ? LossFunctions.Accuracy(all, split.Y, split.Weights, shape).item<float>()
            : null;
        return (loss, accuracy);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        Model.Dispose();
    }

    /// <summary>
    /// The batch loop. Large sets also sum the batches' loss and accuracy (NaN and null otherwise): small sets are
    /// measured after the epoch instead, and skipping the sums halves the per-step torch calls of tiny networks.
    /// </summary>
    private (double Loss, double? Accuracy) RunBatches(SplitTensors train, bool trackRunning, CancellationToken token)
    {
        var classification = _shape.Problem == ProblemKind.Classification;
        var regularized = _spec.Regularization != Regularization.None && _spec.RegularizationRate != 0;
        Model.train();
        using var epochScope = NewDisposeScope();
        var order = tensor(BatchOrder.Permutation(train.Rows, _shuffle), device: train.X.device);
        var xs = train.X.index_select(0, order);
        var ys = train.Y.index_select(0, order);
        var ws = train.Weights?.index_select(0, order);
        var lossWs = ReferenceEquals(train.LossWeights, train.Weights) ? ws : train.LossWeights?.index_select(0, order);
        var lossSum = zeros(1, device: train.X.device);
        var correctSum = zeros(1, device: train.X.device);
        for (var start = 0; start < train.Rows; start += _batchSize)
        {
            token.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            var length = Math.Min(_batchSize, train.Rows - start);
            var y = ys.narrow(0, start, length);
            var w = ws?.narrow(0, start, length);
            _optimizer.ZeroGrad();
            var output = Model.forward(xs.narrow(0, start, length));
            var loss = LossFunctions.Mean(LossFunctions.PerEvent(output, y, _shape), lossWs?.narrow(0, start, length));
            var objective = regularized ? loss + (Model.Penalty(_spec.Regularization) * _spec.RegularizationRate) : loss;
            objective.backward();
            _optimizer.Step();
            if (!trackRunning)
            {
                continue;
            }
            using (no_grad())
            {
                lossSum.add_(loss.detach(), alpha: length);
                if (classification)
                {
                    correctSum.add_(LossFunctions.Accuracy(output.detach(), y, w, _shape), alpha: length);
                }
            }
        }
        return trackRunning
            ? (lossSum.item<float>() / train.Rows, classification ? correctSum.item<float>() / train.Rows : null)
            : (double.NaN, null);
    }
}
