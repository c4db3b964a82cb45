using MlIntro.Core.Experiments;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Models;

/// <summary>
/// A fully connected network as the lessons describe it: hidden layers with one activation and optional dropout,
/// then a linear output (logits for classification, the value for regression).
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers;
    private readonly Activation _activation;
    private readonly double[] _dropout;

    public Mlp(int inputs, ModelSpec spec, int outputs, int seed)
        : base(nameof(Mlp))
    {
        ArgumentNullException.ThrowIfNull(spec);
        _activation = spec.Activation;
        _dropout = spec.HiddenLayers.Select(l => l.Dropout).ToArray();
        layers = new ModuleList<Linear>();
        var width = inputs;
        foreach (var hidden in spec.HiddenLayers)
        {
            layers.Add(nn.Linear(width, hidden.Neurons));
            width = hidden.Neurons;
        }
        layers.Add(nn.Linear(width, outputs));
        RegisterComponents();
        InitializeLecunUniform(seed);
    }

    public int LayerCount => layers.Count;

    public override Tensor forward(Tensor input)
    {
        var x = input;
        for (var i = 0; i < layers.Count - 1; i++)
        {
            x = Activations.Apply(_activation, layers[i].forward(x));
            if (training && _dropout[i] > 0)
            {
                x = nn.functional.dropout(x, _dropout[i], training: true);
            }
        }
        return layers[^1].forward(x);
    }

    /// <summary>Every hidden layer's activations and the final output (no dropout), for drawing each neuron.</summary>
    public IReadOnlyList<Tensor> ForwardAllLayers(Tensor input)
    {
        var outputs = new List<Tensor>(layers.Count);
        var x = input;
        for (var i = 0; i < layers.Count - 1; i++)
        {
            x = Activations.Apply(_activation, layers[i].forward(x));
            outputs.Add(x);
        }
        outputs.Add(layers[^1].forward(x));
        return outputs;
    }

    /// <summary>The weight matrices of every layer, [out, in] row-major, copied to the CPU.</summary>
    public IReadOnlyList<float[]> WeightsSnapshot() =>
        layers.Select(l => l.weight.detach().cpu().data<float>().ToArray()).ToList();

    /// <summary>Sets one weight ([out, in] of linear layer <paramref name="layer"/>); false when the indices are outside the network.</summary>
    public bool SetWeight(int layer, int to, int from, float value)
    {
        if (layer < 0 || layer >= layers.Count)
        {
            return false;
        }
        var weight = layers[layer].weight!;
        if (to < 0 || to >= weight.shape[0] || from < 0 || from >= weight.shape[1])
        {
            return false;
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        weight[to, from].fill_(value);
        return true;
    }

    /// <summary>Writes a checkpoint's weights and biases into the network; throws when its shapes are not this network's.</summary>
    public void Load(ModelCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Weights.Count != layers.Count || checkpoint.Biases.Count != layers.Count)
        {
            throw new InvalidOperationException($"The checkpoint has {checkpoint.Weights.Count} layers; this network has {layers.Count}.");
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var l = 0; l < layers.Count; l++)
        {
            var weight = layers[l].weight!;
            var bias = layers[l].bias!;
            if (checkpoint.Weights[l].Length != weight.numel() || checkpoint.Biases[l].Length != bias.numel())
            {
                throw new InvalidOperationException($"Layer {l} of the checkpoint does not match this network's shape.");
            }
            weight.copy_(tensor(checkpoint.Weights[l], weight.shape, device: weight.device));
            bias.copy_(tensor(checkpoint.Biases[l], bias.shape, device: bias.device));
        }
    }

    /// <summary>The bias vector of every layer, copied to the CPU.</summary>
    public IReadOnlyList<float[]> BiasesSnapshot() =>
        layers.Select(l => l.bias!.detach().cpu().data<float>().ToArray()).ToList();

    /// <summary>Sum of |w| (L1) or w²/2 (L2) over the weight matrices (not the biases), as TensorFlow Playground does.</summary>
    public Tensor Penalty(Regularization kind) => WeightPenalty.Sum(kind, layers.Select(l => l.weight), [0, 1]);

    /// <summary>
    /// LeCun-uniform weights (the lecture notebook's initialiser) from a seeded managed generator: torch's global
    /// generator is shared by all runs in the process, so concurrent runs would otherwise disturb each other's seeds.
    /// </summary>
    private void InitializeLecunUniform(int seed)
    {
        var random = new Random(seed);
        // In-place ops such as zero_() hand back a new tensor wrapper; without a scope it outlives every run.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var layer in layers)
        {
            var fanIn = (int)layer.weight.shape[1];
            var limit = Math.Sqrt(3.0 / fanIn);
            var values = new float[layer.weight.numel()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((random.NextDouble() * 2 - 1) * limit);
            }
            using var source = tensor(values, layer.weight.shape);
            layer.weight.copy_(source);
            layer.bias!.zero_();
        }
    }
}
