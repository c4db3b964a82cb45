using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Models;
using MlIntro.Training.Trainers;
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
    /// <summary>
    /// Largest network whose frames carry its picture (neuron images, weights, biases): the Playground's editor draws
    /// at most 10 layers of 16 (about 2,600 parameters); bigger ones get the decision boundary alone.
    /// </summary>
    public const int MaxDrawnParameters = 20_000;

    public void Execute(ExperimentRun run) => RunGuard.Execute(run, catalog, logger, (data, token) => Train(run, data, token));

    private (ExperimentStatus Status, string? Message) Train(ExperimentRun run, DatasetSplit data, CancellationToken token)
    {
        var definition = run.Definition;
        var settings = definition.RequiredTraining;
        var shape = ModelShape.For(data, definition.RequiredModel.Problem);
        data = settings.BalanceClasses && shape.Problem == ProblemKind.Classification ? ClassBalance.Balance(data) : data;
        var validationRows = (int)(data.Train.Rows * settings.ValidationFraction);
        var trainRows = data.Train.Rows - validationRows;
        run.Events.Meter.SamplesPerEpoch = trainRows;

        using var trainer = new EpochTrainer(definition, definition.RequiredOptimizer, shape, device);
        var model = trainer.Model;
        torch.set_num_threads(ThreadsFor(model, trainRows));
        using var train = SplitTensors.From(data.Train, shape, device, 0, trainRows);
        using var validation = validationRows > 0 ? SplitTensors.From(data.Train, shape, device, trainRows, validationRows) : null;
        using var test = SplitTensors.From(data.Test, shape, device);
        var features = definition.RequiredData.Features ?? PlaneFeatures.Default;
        using var grid = data.Plane is null ? null : PlaneGrid.ForBoundary(data.Plane, features, device);
        using var neuronGrid = data.Plane is null ? null : PlaneGrid.ForNeurons(data.Plane, features, device);

        var classification = shape.Problem == ProblemKind.Classification;
        var testSet = classification ? EvaluationSet.Of("test", data.Test, test) : null;
        var liveSet = !classification ? null
            : validation is null ? testSet
            : EvaluationSet.Of("validation", data.Train, validation, trainRows);
        var evaluationClock = new EvaluationClock();
        var classNames = data.ClassNames;

        var frameClock = Stopwatch.StartNew();
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        // A run that lost its worker goes on from its last checkpoint (its optimizer starts afresh from those weights).
        var first = 1;
        if (run.ResumeFrom is { } checkpoint)
        {
            model.Load(checkpoint);
            first = checkpoint.Epoch + 1;
            logger.LogInformation("Run {RunId} goes on from its checkpoint after epoch {Epoch}", run.Id, checkpoint.Epoch);
        }
        using var best = settings.EarlyStopping ? new BestWeights(model) : null;
        PublishBoundary(run, model, grid, neuronGrid, shape, first - 1, token);

        var epochClock = new Stopwatch();
        for (var epoch = first; epoch <= settings.Epochs; epoch++)
        {
            run.Control.WaitForTurn(token, () =>
            {
                if (WeightEdits.Apply(run, model, logger))
                {
                    PublishBoundary(run, model, grid, neuronGrid, shape, epoch - 1, token, lean: settings.BrowserDrawn);
                }
            });
            epochClock.Restart();
            var metrics = trainer.TrainEpoch(epoch, train, validation, test, token);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));
            if (options.IsCheckpointEpoch(epoch) && epoch < settings.Epochs)
            {
                PublishCheckpoint(run, model, epoch);
            }

            var watched = metrics.ValidationLoss ?? metrics.TestLoss ?? metrics.TrainLoss;
            if (!double.IsFinite(metrics.TrainLoss) || !double.IsFinite(watched))
            {
                PublishBoundary(run, model, grid, neuronGrid, shape, epoch, token);
                return (ExperimentStatus.Diverged,
                    $"Training diverged at epoch {epoch} (loss = {metrics.TrainLoss}): try a smaller learning rate.");
            }
            var last = epoch == settings.Epochs;
            // Send the frame now if waiting for the next epoch would make the gap longer than the interval asked for.
            if (last || frameClock.ElapsedMilliseconds + epochClock.ElapsedMilliseconds >= settings.FrameIntervalMs)
            {
                PublishBoundary(run, model, grid, neuronGrid, shape, epoch, token, lean: settings.BrowserDrawn && !last);
                frameClock.Restart();
            }
            if (last && testSet is not null)
            {
                PublishEvaluation(run, model, testSet, shape, classNames, epoch, isFinal: true, token);
            }
            else if (liveSet is not null && evaluationClock.IsDue)
            {
                var started = Stopwatch.GetTimestamp();
                PublishEvaluation(run, model, liveSet, shape, classNames, epoch, isFinal: false, token);
                evaluationClock.Done(Stopwatch.GetElapsedTime(started));
            }
            best?.Offer(epoch, watched);
            if (watched < bestLoss)
            {
                (bestLoss, bestEpoch) = (watched, epoch);
            }
            else if (best is not null && epoch - bestEpoch >= settings.Patience)
            {
                // Keras' restore_best_weights: the network that is drawn, evaluated and kept is the best epoch's.
                best.Restore();
                PublishBoundary(run, model, grid, neuronGrid, shape, epoch, token);
                if (testSet is not null)
                {
                    PublishEvaluation(run, model, testSet, shape, classNames, epoch, isFinal: true, token);
                }
                return (ExperimentStatus.Finished,
                    $"Early stopping after epoch {epoch}: no improvement for {settings.Patience} epochs; restored the weights of epoch {bestEpoch} (best loss {bestLoss:G4}).");
            }
        }
        return (ExperimentStatus.Finished, null);
    }

    private static void PublishCheckpoint(ExperimentRun run, Mlp model, int epoch)
    {
        // The snapshots' detached CPU copies are tensors too: freed with the scope, their arrays kept.
        using var scope = NewDisposeScope();
        var saved = new ModelCheckpoint(epoch, model.WeightsSnapshot(), model.BiasesSnapshot());
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Checkpoint, ExperimentStatus.Running, Checkpoint: saved));
    }

    /// <param name="lean">Weights and biases only (<see cref="TrainingSpec.BrowserDrawn"/>), when the network is drawable.</param>
    private static void PublishBoundary(
        ExperimentRun run, Mlp model, PlaneGrid? grid, PlaneGrid? neuronGrid, ModelShape shape, int epoch, CancellationToken token, bool lean = false)
    {
        if (grid is null || neuronGrid is null)
        {
            return;
        }
        token.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        if (lean && model.parameters().Sum(p => p.numel()) <= MaxDrawnParameters)
        {
            var weightsOnly = new BoundaryFrame(epoch, 0, grid.Min, grid.Max, [], 0, null, model.WeightsSnapshot(), model.BiasesSnapshot());
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Boundary, ExperimentStatus.Running, Boundary: weightsOnly));
            return;
        }
        var output = ToDisplay(model.forward(grid.Inputs), shape);
        if (model.parameters().Sum(p => p.numel()) > MaxDrawnParameters)
        {
            // Only the boundary: the picture of ten layers of 512 would be 50 MB of JSON per frame, sent and stored.
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Boundary, ExperimentStatus.Running,
                Boundary: new BoundaryFrame(epoch, grid.Resolution, grid.Min, grid.Max, output)));
            return;
        }
        token.ThrowIfCancellationRequested();
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
        var frame = new BoundaryFrame(epoch, grid.Resolution, grid.Min, grid.Max, output, neuronGrid.Resolution, neurons, model.WeightsSnapshot(), model.BiasesSnapshot());
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Boundary, ExperimentStatus.Running, Boundary: frame));
    }

    private static void PublishEvaluation(
        ExperimentRun run, Mlp model, EvaluationSet set, ModelShape shape, IReadOnlyList<string> classNames, int epoch, bool isFinal,
        CancellationToken token)
    {
        model.eval();
        var scores = ModelScores.Of(model, set.Tensors.X, shape, token);
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

    private int ThreadsFor(Mlp model, int trainRows)
    {
        if (options.ThreadsPerRun > 0)
        {
            return options.ThreadsPerRun;
        }
        var parameters = model.parameters().Sum(p => p.numel());
        // Tiny nets are bound by per-call overhead; extra threads only add contention between concurrent runs. Large ones
        // leave a core to the stacked engine that trains everyone's Playground (and to the web server).
        return parameters * (long)trainRows > 20_000_000 ? Math.Max(1, Environment.ProcessorCount - 1) : 1;
    }
}
