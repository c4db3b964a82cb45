using MlIntro.Core.Experiments;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MlIntro.Training.Models;

/// <summary>
/// Per-event losses and their (event-weighted) mean: the lecture's "multiply the loss by the weight". The one-output
/// definitions (<see cref="Elementwise"/>, <see cref="BinaryHits"/>) keep the output's shape, so the same code serves
/// one net ([N, 1]) and the stacked engine ([K, N, 1]).
/// </summary>
public static class LossFunctions
{
    public static Tensor PerEvent(Tensor output, Tensor target, ModelShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Problem == ProblemKind.Regression || shape.IsBinary
            ? Elementwise(output, target, shape.Problem).squeeze(1)
            : F.cross_entropy(output, target, reduction: nn.Reduction.None);
    }

    /// <summary>
    /// The loss of a one-output net at every element, shaped like <paramref name="output"/>: squared error for
    /// regression, binary cross-entropy on the logit for classification.
    /// </summary>
    public static Tensor Elementwise(Tensor output, Tensor target, ProblemKind problem) => problem == ProblemKind.Regression
        ? F.mse_loss(output, target, reduction: nn.Reduction.None)
        : F.binary_cross_entropy_with_logits(output, target, reduction: nn.Reduction.None);

    /// <summary>
    /// Σ w·loss / Σ w. With negative weights the sum of weights can approach zero; then Σ w·loss / n keeps the
    /// gradient direction without blowing up.
    /// </summary>
    public static Tensor Mean(Tensor perEvent, Tensor? weights)
    {
        ArgumentNullException.ThrowIfNull(perEvent);
        if (weights is null)
        {
            return perEvent.mean();
        }
        var weighted = (perEvent * weights).sum();
        var total = weights.sum().item<float>();
        return total > 1e-6f * weights.shape[0] ? weighted / total : weighted / weights.shape[0];
    }

    /// <summary>Share of events (by weight) whose predicted class is the true one.</summary>
    public static Tensor Accuracy(Tensor output, Tensor target, Tensor? weights, ModelShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var correct = shape.IsBinary ? BinaryHits(output, target).squeeze(1) : output.argmax(1).eq(target).to_type(ScalarType.Float32);
        return weights is null ? correct.mean() : (correct * weights).sum() / weights.sum();
    }

    /// <summary>1 where a one-output classifier's logit picks the true class (logit &gt; 0 means class 1), else 0; shaped like <paramref name="output"/>.</summary>
    public static Tensor BinaryHits(Tensor output, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(output);
        return (output > 0).to_type(ScalarType.Float32).eq(target).to_type(ScalarType.Float32);
    }
}
