using Microsoft.Extensions.Logging;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Trees;
using MlIntro.Training.Evaluation;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Trees;

/// <summary>
/// Trains boosted decision trees (<see cref="ExperimentDefinition.BoostedTrees"/>) through the same service, scheduler,
/// events and store as a network. How rounds are reported, honestly: LightGBM (through ML.NET) grows all the trees in one
/// call, which a cancel stops; then each round k is replayed by evaluating the first k trees on the training, validation
/// and test events, and published as epoch k (loss, accuracy) with live ROC frames, so the charts are the network's.
/// Between replayed rounds the run can be paused, stepped or cancelled. Last come the final test-set evaluation (the
/// evaluation lesson's threshold views) and a <see cref="TreesFrame"/> with the features' gains and the AUC per round.
/// </summary>
public sealed class BoostedTreesExecutor(DatasetCatalog catalog, ILogger<BoostedTreesExecutor> logger) : IRunExecutor
{
    public void Execute(ExperimentRun run) => RunGuard.Execute(run, catalog, logger, (data, token) => Train(run, data, token));

    private static (ExperimentStatus Status, string? Message) Train(ExperimentRun run, DatasetSplit data, CancellationToken token)
    {
        var definition = run.Definition;
        var spec = definition.BoostedTrees ?? throw new ArgumentException("BoostedTrees: the run has no trees' settings.");
        var settings = definition.RequiredTraining;
        if (data.ClassNames.Count != 2 || data.Train.Labels is null)
        {
            throw new ArgumentException($"BoostedTrees: trees here are binary classifiers; '{data.Name}' has {data.ClassNames.Count} classes.");
        }
        data = settings.BalanceClasses ? ClassBalance.Balance(data) : data;
        var validationRows = (int)(data.Train.Rows * settings.ValidationFraction);
        var trainRows = data.Train.Rows - validationRows;
        var train = RoundSet.Of("train", data.Train, 0, trainRows);
        var validation = validationRows > 0 ? RoundSet.Of("validation", data.Train, trainRows, validationRows) : null;
        var test = RoundSet.Of("test", data.Test, 0, data.Test.Rows);
        var heldOut = validation ?? test;

        var trees = LightGbmTrees.Fit(train.ToTrainingSet(), spec, settings.Epochs, definition.Seed, token);
        RoundSet[] sets = validation is null ? [train, test] : [train, validation, test];
        foreach (var set in sets)
        {
            set.Reset(trees);
        }
        var trainAuc = new double[trees.Rounds];
        var heldOutAuc = new double[trees.Rounds];
        var clock = new EvaluationClock();
        for (var round = 1; round <= trees.Rounds; round++)
        {
            run.Control.WaitForTurn(token);
            foreach (var set in sets)
            {
                set.Add(trees, round);
            }
            var metrics = new EpochMetrics(round, train.Loss(trees), test.Loss(trees), train.Accuracy(trees), test.Accuracy(trees),
                ValidationLoss: validation?.Loss(trees), ValidationAccuracy: validation?.Accuracy(trees));
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));
            (trainAuc[round - 1], heldOutAuc[round - 1]) = (train.Auc(), heldOut.Auc());
            if (round < trees.Rounds && clock.IsDue)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                PublishEvaluation(run, heldOut, trees, data.ClassNames, round, isFinal: false);
                clock.Done(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
        }
        PublishEvaluation(run, test, trees, data.ClassNames, trees.Rounds, isFinal: true);
        var frame = new TreesFrame(Importance(data.Train.FeatureNames, trees.Gains), trainAuc, heldOutAuc, heldOut.Name, trees.FitSeconds);
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Trees, ExperimentStatus.Running, Trees: frame));
        return (ExperimentStatus.Finished, null);
    }

    private static void PublishEvaluation(ExperimentRun run, RoundSet set, TrainedTrees trees, IReadOnlyList<string> classNames, int round, bool isFinal)
    {
        var frame = EvaluationFrames.Build(set.Probabilities(trees), set.Labels, set.Weights, classNames, round, set.Name, isFinal);
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Evaluation, ExperimentStatus.Running, Evaluation: frame));
    }

    /// <summary>Each feature's summed gain and its share of the total, in the data's column order.</summary>
    public static IReadOnlyList<FeatureGain> Importance(IReadOnlyList<string> features, double[] gains)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(gains);
        var total = gains.Sum();
        return [.. features.Select((name, i) => new FeatureGain(name, gains[i], total > 0 ? gains[i] / total : 0))];
    }
}
