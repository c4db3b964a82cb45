using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Trainers;

/// <summary>
/// Early stopping's memory (Keras' <c>restore_best_weights=True</c>): a copy of the network's parameters at the epoch
/// with the lowest watched loss so far, written back by <see cref="Restore"/> when training stops. Without it a stopped
/// network keeps the weights of its last epoch, which are <c>patience</c> epochs past the best.
/// </summary>
public sealed class BestWeights : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _copies;

    public BestWeights(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _parameters = [.. module.parameters()];
        using var noGrad = no_grad();
        // Outlive every step's scope: the copies live as long as this object.
        _copies = [.. _parameters.Select(p => p.detach().clone().DetachFromDisposeScope())];
    }

    /// <summary>Epoch of the lowest loss offered so far (0 before the first offer).</summary>
    public int Epoch { get; private set; }

    /// <summary>The lowest loss offered so far.</summary>
    public double Loss { get; private set; } = double.PositiveInfinity;

    /// <summary>Keeps the current weights when <paramref name="loss"/> is lower than every loss before it; true if it was.</summary>
    public bool Offer(int epoch, double loss)
    {
        if (!(loss < Loss))
        {
            return false;
        }
        (Epoch, Loss) = (epoch, loss);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _copies[i].copy_(_parameters[i]);
        }
        return true;
    }

    /// <summary>Epochs since the best one, as patience counts them.</summary>
    public int EpochsSinceBest(int epoch) => epoch - Epoch;

    /// <summary>Writes the best epoch's weights back into the network (nothing happens before the first offer).</summary>
    public void Restore()
    {
        if (Epoch == 0)
        {
            return;
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].copy_(_copies[i]);
        }
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            copy.Dispose();
        }
    }
}
