using MlIntro.Core.Experiments;
using MlIntro.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// K fully connected networks of one shape (the definition's hidden layers and activation, one output) trained as one
/// computation: every layer is a batched matrix product over the members, [K, N, in] × [K, in, out]. Members differ only
/// in their initial weights (LeCun-uniform from seed + k); their losses are summed, so each gets its own gradient, and
/// element-wise optimizers (Adam, …) update them as if each were trained alone. For tiny networks per-call overhead
/// dominates, so K members cost about as much as one.
/// </summary>
public sealed class EnsembleNet : nn.Module<Tensor, Tensor>
{
    private readonly List<Parameter> _weights = [];
    private readonly List<Parameter> _biases = [];
    private readonly Activation _activation;

    public EnsembleNet(int inputs, ModelSpec spec, int members, int seed, Device device)
        : base(nameof(EnsembleNet))
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(members);
        _activation = spec.Activation;
        Members = members;
        var widths = new List<int> { inputs };
        widths.AddRange(spec.HiddenLayers.Select(h => h.Neurons));
        widths.Add(1);
        using (var scope = NewDisposeScope())
        {
            for (var l = 0; l < widths.Count - 1; l++)
            {
                var w = new Parameter(LecunUniform(members, widths[l], widths[l + 1], seed, l).to(device).MoveToOuterDisposeScope());
                var b = new Parameter(zeros(members, 1, widths[l + 1], device: device).MoveToOuterDisposeScope());
                register_parameter($"w{l}", w);
                register_parameter($"b{l}", b);
                _weights.Add(w);
                _biases.Add(b);
            }
        }
    }

    public int Members { get; }

    /// <summary>[N, in] → [K, N]: each member's output (a logit, or a regression value).</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var h = input.unsqueeze(0).expand(Members, input.shape[0], input.shape[1]);
        for (var l = 0; l < _weights.Count; l++)
        {
            h = bmm(h, _weights[l]) + _biases[l];
            if (l < _weights.Count - 1)
            {
                h = Activations.Apply(_activation, h);
            }
        }
        return h.squeeze(-1);
    }

    /// <summary>Each member's L1 or L2 penalty over its weight matrices, [K].</summary>
    public Tensor Penalty(Regularization kind) => WeightPenalty.Sum(kind, _weights, [1, 2]);

    /// <summary>As <see cref="Mlp"/>: from a managed generator, so concurrent runs never disturb each other's seeds.</summary>
    private static Tensor LecunUniform(int members, int fanIn, int fanOut, int seed, int layer)
    {
        var values = new float[members * fanIn * fanOut];
        var limit = Math.Sqrt(3.0 / fanIn);
        for (var k = 0; k < members; k++)
        {
            var random = new Random(unchecked(seed * 7919 + k * 131 + layer));
            for (var i = 0; i < fanIn * fanOut; i++)
            {
                values[k * fanIn * fanOut + i] = (float)((random.NextDouble() * 2 - 1) * limit);
            }
        }
        return tensor(values, [members, fanIn, fanOut]);
    }
}
