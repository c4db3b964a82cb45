using MlIntro.Core.Data;
using static TorchSharp.torch;

namespace MlIntro.Training.Models;

/// <summary>The input square sampled on a regular grid, already mapped to the run's features, for drawing boundaries.</summary>
public sealed class PlaneGrid : IDisposable
{
    /// <summary>Cells per side of the decision boundary every engine draws.</summary>
    public const int BoundaryResolution = 50;

    /// <summary>Cells per side of each neuron's small picture.</summary>
    public const int NeuronResolution = 20;

    public PlaneGrid(PlaneData plane, IReadOnlyList<string> features, int resolution, Device device)
    {
        ArgumentNullException.ThrowIfNull(plane);
        Resolution = resolution;
        Min = plane.Min;
        Max = plane.Max;
        var points = new float[resolution * resolution * 2];
        for (var row = 0; row < resolution; row++)
        {
            for (var column = 0; column < resolution; column++)
            {
                var i = 2 * (row * resolution + column);
                points[i] = (float)(Min + (Max - Min) * (column + 0.5) / resolution);
                points[i + 1] = (float)(Min + (Max - Min) * (row + 0.5) / resolution);
            }
        }
        Inputs = tensor(PlaneFeatures.Expand(points, features), [resolution * resolution, features.Count], device: device);
    }

    /// <summary>The grid the decision boundary is drawn on.</summary>
    public static PlaneGrid ForBoundary(PlaneData plane, IReadOnlyList<string> features, Device device) =>
        new(plane, features, BoundaryResolution, device);

    /// <summary>The grid each neuron's picture is drawn on.</summary>
    public static PlaneGrid ForNeurons(PlaneData plane, IReadOnlyList<string> features, Device device) =>
        new(plane, features, NeuronResolution, device);

    public int Resolution { get; }

    public double Min { get; }

    public double Max { get; }

    public Tensor Inputs { get; }

    public void Dispose() => Inputs.Dispose();
}
