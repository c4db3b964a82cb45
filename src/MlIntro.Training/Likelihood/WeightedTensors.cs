using static TorchSharp.torch;

namespace MlIntro.Training.Likelihood;

/// <summary>A <see cref="WeightedSet"/> on the device.</summary>
public sealed class WeightedTensors : IDisposable
{
    public WeightedTensors(WeightedSet set, Device device)
    {
        ArgumentNullException.ThrowIfNull(set);
        Rows = set.Rows;
        X = tensor(set.X, [set.Rows, set.Features], device: device);
        Y = tensor(set.Targets, device: device);
        W = tensor(set.Weights, device: device);
    }

    public int Rows { get; }

    public Tensor X { get; }

    public Tensor Y { get; }

    public Tensor W { get; }

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
        W.Dispose();
    }
}
