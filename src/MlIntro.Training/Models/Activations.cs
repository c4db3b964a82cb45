using MlIntro.Core.Experiments;
using static TorchSharp.torch;

namespace MlIntro.Training.Models;

/// <summary>The hidden layers' activation functions, for <see cref="Mlp"/> and the stacked engine alike.</summary>
public static class Activations
{
    /// <summary>Applies <paramref name="activation"/> element-wise; any shape ([N, width] or [K, N, width]).</summary>
    public static Tensor Apply(Activation activation, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return activation switch
        {
            Activation.ReLU => nn.functional.relu(x),
            Activation.ELU => nn.functional.elu(x, alpha: 1.0),
            Activation.Tanh => x.tanh(),
            Activation.Sigmoid => x.sigmoid(),
            _ => x,
        };
    }
}
