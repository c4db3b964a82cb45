using MlIntro.Core.Experiments;
using static TorchSharp.torch;

namespace MlIntro.Training.Models;

/// <summary>
/// The L1/L2 penalty as TensorFlow Playground adds it: Σ|w| (L1) or Σw²/2 (L2) over the weight matrices, not the
/// biases. One definition for <see cref="Mlp"/> (one net) and the stacked engine (K nets, one penalty each).
/// </summary>
public static class WeightPenalty
{
    /// <param name="weights">The weight matrices, [out, in] for one net or [K, in, out] for a stack.</param>
    /// <param name="dims">The dimensions one net's matrix spans: [0, 1] for one net, [1, 2] for a stack (giving [K]).</param>
    public static Tensor Sum(Regularization kind, IEnumerable<Tensor> weights, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Tensor? total = null;
        foreach (var w in weights)
        {
            var term = kind == Regularization.L1 ? w.abs().sum(dims) : w.pow(2).sum(dims) * 0.5;
            total = total is null ? term : total + term;
        }
        return total ?? throw new ArgumentException("A network has at least one weight matrix.", nameof(weights));
    }
}
