using MlIntro.Core.Data;
using static TorchSharp.torch;

namespace MlIntro.Training.Models;

/// <summary>One split (train, validation or test) as tensors on the training device.</summary>
public sealed class SplitTensors : IDisposable
{
    private SplitTensors(Tensor x, Tensor y, Tensor? weights, Tensor? lossWeights, int rows)
    {
        X = x;
        Y = y;
        Weights = weights;
        _lossWeights = lossWeights;
        Rows = rows;
    }

    private readonly Tensor? _lossWeights;

    public Tensor X { get; }

    /// <summary>Float [n, 1] for binary classification and regression, long [n] for multi-class.</summary>
    public Tensor Y { get; }

    /// <summary>Physical event weights: accuracy and every other metric count with them.</summary>
    public Tensor? Weights { get; }

    /// <summary>The weights of the loss: the balanced ones when the data carry them (<see cref="TabularData.LossWeights"/>), else <see cref="Weights"/>.</summary>
    public Tensor? LossWeights => _lossWeights ?? Weights;

    public int Rows { get; }

    public static SplitTensors From(TabularData data, ModelShape shape, Device device, int firstRow = 0, int? rowCount = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        var rows = rowCount ?? data.Rows - firstRow;
        var columns = data.Columns;
        var x = tensor(data.X.AsSpan(firstRow * columns, rows * columns).ToArray(), [rows, columns], device: device);
        Tensor y;
        if (shape.Problem == Core.Experiments.ProblemKind.Regression)
        {
            var targets = data.Targets ?? throw new ArgumentException("A regression data set needs targets.", nameof(data));
            y = tensor(targets.AsSpan(firstRow, rows).ToArray(), [rows, 1], device: device);
        }
        else
        {
            var labels = data.Labels ?? throw new ArgumentException("A classification data set needs labels.", nameof(data));
            var slice = labels.AsSpan(firstRow, rows);
            y = shape.IsBinary
                ? tensor(slice.ToArray().Select(l => (float)l).ToArray(), [rows, 1], device: device)
                : tensor(slice.ToArray().Select(l => (long)l).ToArray(), [rows], device: device);
        }
        var weights = data.Weights is null ? null : tensor(data.Weights.AsSpan(firstRow, rows).ToArray(), [rows], device: device);
        var lossWeights = data.LossWeights is null ? null : tensor(data.LossWeights.AsSpan(firstRow, rows).ToArray(), [rows], device: device);
        return new SplitTensors(x, y, weights, lossWeights, rows);
    }

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
        Weights?.Dispose();
        _lossWeights?.Dispose();
    }
}
