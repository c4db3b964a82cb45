using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Models;
using MlIntro.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Training.Runs;

/// <summary>
/// Trains one fully connected network as its definition says, synchronously on the calling thread (dispose scopes,
/// no_grad and torch's thread count are per thread), publishing epoch metrics and throttled frames as it goes.
/// Classification runs also publish evaluation frames (ROC, confusion matrix): live on the validation set when one is
/// held out (else the test set), throttled by <see cref="EvaluationClock"/>, and a final one on the test set.
/// </summary>
public sealed class NetworkRunExecutor(DatasetCatalog catalog, Device device, TrainingOptions options, ILogger<NetworkRunExecutor> logger) : IRunExecutor
{
    private const int BoundaryResolution = 50;
    private const int NeuronResolution = 20;
    private const int FullTrainEvaluationRows = 20_000;

    public void Execute(ExperimentRun run) => RunGuard.Execute(run, logger, token =>
        Train(run, catalog.Load(run.Definition.RequiredData, run.Definition.Seed, token), token));

    private (ExperimentStatus Status, string? Message) Train(ExperimentRun run, DatasetSplit data, CancellationToken token)
    {
        var definition = run.Definition;
        var settings = definition.RequiredTraining;
        var shape = ModelShape.For(data, definition.RequiredModel.Problem);
        var validationRows = (int)(data.Train.Rows * settings.ValidationFraction);
        var trainRows = data.Train.Rows - validationRows;

        using var model = new Mlp(shape.Inputs, definition.RequiredModel, shape.Outputs, definition.Seed);
        model.to(device);
        torch.set_num_threads(ThreadsFor(model, trainRows));
        using var optimizer = OptimizerFactory.Create(definition.RequiredOptimizer, model.parameters());
        using var train = SplitTensors.From(data.Train, shape, device, 0, trainRows);
        using var validation = validationRows > 0 ? SplitTensors.From(data.Train, shape, device, trainRows, validationRows) : null;
        using var test = SplitTensors.From(data.Test, shape, device);
        var features = definition.RequiredData.Features ?? PlaneFeatures.Default;
        using var grid = data.Plane is null ? null : new PlaneGrid(data.Plane, features, BoundaryResolution, device);
        using var neuronGrid = data.Plane is null ? null : new PlaneGrid(data.Plane, features, NeuronResolution, device);

        var classification = shape.Problem == ProblemKind.Classification;
        var testSet = classification ? EvaluationSet.Of("test", data.Test, test) : null;
        var liveSet = !classification ? null
            : validation is null ? testSet
            : EvaluationSet.Of("validation", data.Train, validation, trainRows);
        var evaluationClock = new EvaluationClock();
        var classNames = data.ClassNames;

        var shuffle = new Random(definition.Seed);
        var frameClock = Stopwatch.StartNew();
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        PublishBoundary(run, model, grid, neuronGrid, shape, 0);

        var trackRunning = trainRows > FullTrainEvaluationRows;
        var epochClock = new Stopwatch();
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            run.Control.WaitForTurn(token);
            epochClock.Restart();
            var running = TrainOneEpoch(model, optimizer, train, shape, definition.RequiredModel, settings.BatchSize, shuffle, trackRunning, token);
            var metrics = Measure(model, train, validation, test, shape, epoch, running);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));

            var watched = metrics.ValidationLoss ?? metrics.TestLoss ?? metrics.TrainLoss;
            if (!double.IsFinite(metrics.TrainLoss) || !double.IsFinite(watched))
            {
                PublishBoundary(run, model, grid, neuronGrid, shape, epoch);
                return (ExperimentStatus.Diverged,
                    $"Training diverged at epoch {epoch} (loss = {metrics.TrainLoss}): try a smaller learning rate.");
            }
            var last = epoch == settings.Epochs;
            // Send the frame now if waiting for the next epoch would make the gap longer than the interval asked for.
            if (last || frameClock.ElapsedMilliseconds + epochClock.ElapsedMilliseconds >= settings.FrameIntervalMs)
            {
                PublishBoundary(run, model, grid, neuronGrid, shape, epoch);
                frameClock.Restart();
            }
            if (last && testSet is not null)
            {
                PublishEvaluation(run, model, testSet, shape, classNames, epoch, isFinal: true);
            }
            else if (liveSet is not null && evaluationClock.IsDue)
            {
                var started = Stopwatch.GetTimestamp();
                PublishEvaluation(run, model, liveSet, shape, classNames, epoch, isFinal: false);
                evaluationClock.Done(Stopwatch.GetElapsedTime(started));
            }
            if (watched < bestLoss)
            {
                (bestLoss, bestEpoch) = (watched, epoch);
            }
            else if (settings.EarlyStopping && epoch - bestEpoch >= settings.Patience)
            {
                PublishBoundary(run, model, grid, neuronGrid, shape, epoch);
                if (testSet is not null)
                {
                    PublishEvaluation(run, model, testSet, shape, classNames, epoch, isFinal: true);
                }
                return (ExperimentStatus.Finished,
                    $"Early stopping after epoch {epoch}: no improvement for {settings.Patience} epochs (best loss {bestLoss:G4} at epoch {bestEpoch}).");
            }
        }
        return (ExperimentStatus.Finished, null);
    }

    /// <param name="trackRunning">Whether to accumulate the batches' loss and accuracy; small sets are measured after the
    /// epoch instead, and skipping this halves the per-step torch calls of the Playground's tiny networks.</param>
    private static (double Loss, double? Accuracy) TrainOneEpoch(
        Mlp model, ITrainingOptimizer optimizer, SplitTensors train, ModelShape shape, ModelSpec spec, int batchSize, Random shuffle,
        bool trackRunning, CancellationToken token)
    {
        model.train();
        using var epochScope = NewDisposeScope();
        var order = tensor(Permutation(train.Rows, shuffle), device: train.X.device);
        var xs = train.X.index_select(0, order);
        var ys = train.Y.index_select(0, order);
        var ws = train.Weights?.index_select(0, order);
        var lossSum = zeros(1, device: train.X.device);
        var correctSum = zeros(1, device: train.X.device);
        for (var start = 0; start < train.Rows; start += batchSize)
        {
            token.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            var length = Math.Min(batchSize, train.Rows - start);
            var x = xs.narrow(0, start, length);
            var y = ys.narrow(0, start, length);
            var w = ws?.narrow(0, start, length);
            optimizer.ZeroGrad();
            var output = model.forward(x);
            var loss = LossFunctions.Mean(LossFunctions.PerEvent(output, y, shape), w);
            var objective = spec.Regularization == Regularization.None || spec.RegularizationRate == 0
                ? loss
                : loss + model.Penalty(spec.Regularization) * spec.RegularizationRate;
            objective.backward();
            optimizer.Step();
            if (!trackRunning)
            {
                continue;
            }
            using (no_grad())
            {
                lossSum.add_(loss.detach(), alpha: length);
                if (shape.Problem == ProblemKind.Classification)
                {
                    correctSum.add_(LossFunctions.Accuracy(output.detach(), y, w, shape), alpha: length);
                }
            }
        }
        if (!trackRunning)
        {
            return (double.NaN, null);
        }
        var meanLoss = lossSum.item<float>() / train.Rows;
        return (meanLoss, shape.Problem == ProblemKind.Classification ? correctSum.item<float>() / train.Rows : null);
    }

    private static EpochMetrics Measure(
        Mlp model, SplitTensors train, SplitTensors? validation, SplitTensors test, ModelShape shape, int epoch, (double Loss, double? Accuracy) running)
    {
        model.eval();
        // Small sets are re-measured after the epoch, as TensorFlow Playground does; large ones report the
        // running mean over the epoch's batches, as Keras does, instead of paying for a second pass.
        var (trainLoss, trainAccuracy) = train.Rows <= FullTrainEvaluationRows ? Evaluate(model, train, shape) : running;
        if (validation is not null)
        {
            var (validationLoss, validationAccuracy) = Evaluate(model, validation, shape);
            return new EpochMetrics(epoch, trainLoss, null, trainAccuracy, null, ValidationLoss: validationLoss, ValidationAccuracy: validationAccuracy);
        }
        var (testLoss, testAccuracy) = Evaluate(model, test, shape);
        return new EpochMetrics(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy);
    }

    /// <summary>Loss and accuracy over a whole split, in chunks so that large sets stay within memory.</summary>
    public static (double Loss, double? Accuracy) Evaluate(Mlp model, SplitTensors split, ModelShape shape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(shape);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        const int chunk = 65_536;
        var losses = new List<Tensor>();
        var outputs = new List<Tensor>();
        for (var start = 0; start < split.Rows; start += chunk)
        {
            var length = Math.Min(chunk, split.Rows - start);
            var output = model.forward(split.X.narrow(0, start, length));
            outputs.Add(output);
            losses.Add(LossFunctions.PerEvent(output, split.Y.narrow(0, start, length), shape));
        }
        var all = cat(outputs, 0);
        var loss = LossFunctions.Mean(cat(losses, 0), split.Weights).item<float>();
        double? accuracy = shape.Problem == ProblemKind.Classification
            ? LossFunctions.Accuracy(all, split.Y, split.Weights, shape).item<float>()
            : null;
        return (loss, accuracy);
    }

    private static void PublishBoundary(ExperimentRun run, Mlp model, PlaneGrid? grid, PlaneGrid? neuronGrid, ModelShape shape, int epoch)
    {
        if (grid is null || neuronGrid is null)
        {
            return;
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var output = ToDisplay(model.forward(grid.Inputs), shape);
        var layers = model.ForwardAllLayers(neuronGrid.Inputs);
        var neurons = new List<float[]>();
        for (var l = 0; l < layers.Count - 1; l++)
        {
            var columns = layers[l].t().contiguous().cpu();
            for (var n = 0; n < columns.shape[0]; n++)
            {
                neurons.Add(columns[n].data<float>().ToArray());
            }
        }
        var frame = new BoundaryFrame(epoch, grid.Resolution, grid.Min, grid.Max, output, NeuronResolution, neurons, model.WeightsSnapshot(), model.BiasesSnapshot());
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Boundary, ExperimentStatus.Running, Boundary: frame));
    }

    private static void PublishEvaluation(
        ExperimentRun run, Mlp model, EvaluationSet set, ModelShape shape, IReadOnlyList<string> classNames, int epoch, bool isFinal)
    {
        model.eval();
        var scores = ModelScores.Of(model, set.Tensors.X, shape);
        var frame = EvaluationFrames.Build(scores, set.Labels, set.Weights, classNames, epoch, set.Name, isFinal);
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Evaluation, ExperimentStatus.Running, Evaluation: frame));
    }

    /// <summary>Probability of class 1 for classification, the predicted value for regression.</summary>
    private static float[] ToDisplay(Tensor output, ModelShape shape)
    {
        var shown = shape.Problem == ProblemKind.Regression ? output.squeeze(1)
            : shape.IsBinary ? output.sigmoid().squeeze(1)
            : output.softmax(1)[TensorIndex.Colon, 1];
        return shown.cpu().data<float>().ToArray();
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

    private int ThreadsFor(Mlp model, int trainRows)
    {
        if (options.ThreadsPerRun > 0)
        {
            return options.ThreadsPerRun;
        }
        var parameters = model.parameters().Sum(p => p.numel());
        // Tiny nets are bound by per-call overhead; extra threads only add contention between concurrent runs.
        return parameters * (long)trainRows > 20_000_000 ? Environment.ProcessorCount : 1;
    }
}
