using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using MlIntro.Training.Trainers;
using TorchSharp;

namespace MlIntro.Training.Tests.Trainers;

/// <summary>One epoch of a linear regression (y = w·x + b, MSE, plain GD) against the same epoch computed by hand in double.</summary>
[Collection("torch")]
public sealed class EpochTrainerTests
{
    private const double LearningRate = 0.1;
    private const int Seed = 3;
    private static readonly ModelShape Shape = new(2, 1, ProblemKind.Regression, 0);

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(1)]
    public void TrainEpoch_SmallSet_StepsEachShuffledBatchAndMeasuresAfterTheEpoch(int batchSize)
    {
        var train = Data(4, offset: 0);
        var test = Data(3, offset: 10);
        using var trainer = new EpochTrainer(Definition(batchSize), Definition(batchSize).RequiredOptimizer, Shape, torch.CPU);
        var (w, b) = Parameters(trainer);
        var order = BatchOrder.Permutation(train.Rows, new Random(Seed));
        for (var start = 0; start < order.Length; start += batchSize)
        {
            (w, b) = Step(w, b, train, [.. order.Skip(start).Take(batchSize).Select(i => (int)i)]);
        }
        using var trainTensors = SplitTensors.From(train, Shape, torch.CPU);
        using var testTensors = SplitTensors.From(test, Shape, torch.CPU);

        var metrics = trainer.TrainEpoch(1, trainTensors, null, testTensors, CancellationToken.None);

        var (actualW, actualB) = Parameters(trainer);
        Assert.Equal(w, actualW, (e, a) => Math.Abs(e - a) <= 1e-5);
        Assert.Equal(b, actualB, 5);
        Assert.Equal(1, metrics.Epoch);
        Assert.Equal(Mse(w, b, train), metrics.TrainLoss, 4);
        Assert.Equal(Mse(w, b, test), metrics.TestLoss!.Value, 4);
        Assert.Null(metrics.TrainAccuracy);
    }

    [Fact]
    public void TrainEpoch_MoreRowsThanAreMeasuredAgain_ReportsTheBatchesRunningLoss()
    {
        // One batch of the whole set: its running loss is the loss before the step, the measured one is the loss after.
        var rows = EpochTrainer.FullTrainEvaluationRows + 1;
        var train = Data(rows, offset: 0);
        var definition = Definition(rows);
        using var trainer = new EpochTrainer(definition, definition.RequiredOptimizer, Shape, torch.CPU);
        var (w, b) = Parameters(trainer);
        var before = Mse(w, b, train);
        var (afterW, afterB) = Step(w, b, train, [.. Enumerable.Range(0, rows)]);
        var after = Mse(afterW, afterB, train);
        using var trainTensors = SplitTensors.From(train, Shape, torch.CPU);

        var metrics = trainer.TrainEpoch(1, trainTensors, null, trainTensors, CancellationToken.None);

        Assert.Equal(before, metrics.TrainLoss, before * 1e-5);
        Assert.True(before - after > before * 1e-3, $"the step should lower the loss noticeably: {before} then {after}");
    }

    [Fact]
    public void TrainEpoch_CancelledToken_StopsBeforeTheFirstBatch()
    {
        var train = Data(4, offset: 0);
        var definition = Definition(2);
        using var trainer = new EpochTrainer(definition, definition.RequiredOptimizer, Shape, torch.CPU);
        var (w, _) = Parameters(trainer);
        using var trainTensors = SplitTensors.From(train, Shape, torch.CPU);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var thrown = Record.Exception(() => trainer.TrainEpoch(1, trainTensors, null, trainTensors, cancelled.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(w, Parameters(trainer).W);
    }

    private static ExperimentDefinition Definition(int batchSize) => new(
        Lesson.Playground,
        new DataSpec("hand"),
        new ModelSpec([], Activation.Linear, Problem: ProblemKind.Regression),
        new OptimizerSpec(OptimizerKind.GD, LearningRate),
        new TrainingSpec(1, batchSize),
        Seed);

    /// <summary>Rows (x1, x2) spread over [−1, 1]², target 2·x1 − x2 + 0.5 plus a wobble no line fits.</summary>
    private static TabularData Data(int rows, int offset)
    {
        var x = new float[rows * 2];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            x[2 * i] = (float)Math.Sin(i + offset);
            x[(2 * i) + 1] = (float)Math.Cos(1.7 * (i + offset));
            y[i] = (2 * x[2 * i]) - x[(2 * i) + 1] + 0.5f + (0.3f * (float)Math.Sin(5.1 * (i + offset)));
        }
        return new TabularData(["x1", "x2"], x, Targets: y);
    }

    private static (double[] W, double B) Parameters(EpochTrainer trainer) =>
        ([.. trainer.Model.WeightsSnapshot()[0].Select(v => (double)v)], trainer.Model.BiasesSnapshot()[0][0]);

    /// <summary>One GD step on the mean squared error of <paramref name="rows"/>: ∂/∂w = (2/n)·Σ r·x, ∂/∂b = (2/n)·Σ r.</summary>
    private static (double[] W, double B) Step(double[] w, double b, TabularData data, int[] rows)
    {
        var gradW = new double[2];
        var gradB = 0.0;
        foreach (var i in rows)
        {
            var residual = Predict(w, b, data, i) - data.Targets![i];
            gradW[0] += 2 * residual * data.X[2 * i] / rows.Length;
            gradW[1] += 2 * residual * data.X[(2 * i) + 1] / rows.Length;
            gradB += 2 * residual / rows.Length;
        }
        return ([w[0] - (LearningRate * gradW[0]), w[1] - (LearningRate * gradW[1])], b - (LearningRate * gradB));
    }

    private static double Mse(double[] w, double b, TabularData data) =>
        Enumerable.Range(0, data.Rows).Average(i => Math.Pow(Predict(w, b, data, i) - data.Targets![i], 2));

    private static double Predict(double[] w, double b, TabularData data, int i) => (w[0] * data.X[2 * i]) + (w[1] * data.X[(2 * i) + 1]) + b;
}
