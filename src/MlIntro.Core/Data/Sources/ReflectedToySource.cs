using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// Data augmentation on toys with a symmetry: "reflected-circle" and "reflected-xor" are the Playground's circle and XOR
/// (the same points for the same seed) with every training point added again mirrored in x, in y and in both (four
/// times the training points). A circle's class does not change under a mirror; XOR's flips under one mirror and not
/// under both. The test points are left as they are: the augmented network is judged on the same points as the plain one.
/// </summary>
public sealed class ReflectedToySource : IDatasetSource
{
    public const string Prefix = "reflected-";

    private static readonly string[] Symmetric = ["circle", "xor"];

    public bool Serves(string name) => name.StartsWith(Prefix, StringComparison.Ordinal) && Symmetric.Contains(name[Prefix.Length..]);

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Points >= 2 ? 4 * PlaneSets.TrainCount(spec.Points, spec.TrainFraction) : null;
    }

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => PlaneFeatures.All;

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SpecChecks.Noise(spec);
        var name = spec.Name[Prefix.Length..];
        // Drawn exactly as PlaygroundDatasetSource draws them, so that the plain and the augmented runs share their points.
        var trainCount = PlaneSets.TrainCount(spec.Points, spec.TrainFraction);
        var random = new Random(seed);
        var (points, values) = PlaygroundGenerators.Generate(name, spec.Points, spec.Noise, random);
        var order = Rows.Permutation(spec.Points, random.Next());
        var (augmentedPoints, augmentedValues, augmentedOrder) = Mirror(points, values, order, trainCount, flipsLabel: name == "xor");
        var (train, test, plane) = PlaneSets.Build(augmentedPoints, augmentedValues, augmentedOrder, 4 * trainCount, true, spec.Features,
            PlaygroundDatasetSource.Min, PlaygroundDatasetSource.Max);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Toy data: {name}, {spec.Points} points ({trainCount} train, augmented ×4 by mirroring to {4 * trainCount} / {spec.Points - trainCount} test), {PlaneSets.Percent(spec.Noise)} noise, seed {seed}");
        return new DatasetSplit(spec.Name, DataOrigin.Toy, description, ["0", "1"], train, test, plane);
    }

    /// <summary>The points with three mirrored copies of each training point appended; the order lists the training points (originals and copies) first.</summary>
    private static (float[] Points, float[] Values, int[] Order) Mirror(float[] points, float[] values, int[] order, int trainCount, bool flipsLabel)
    {
        var n = values.Length;
        var outPoints = new List<float>(points);
        var outValues = new List<float>(values);
        var train = new List<int>(order[..trainCount]);
        foreach (var (sx, sy) in new[] { (-1f, 1f), (1f, -1f), (-1f, -1f) })
        {
            var flip = flipsLabel && sx * sy < 0;
            foreach (var i in order[..trainCount])
            {
                train.Add(outValues.Count);
                outPoints.Add(sx * points[2 * i]);
                outPoints.Add(sy * points[(2 * i) + 1]);
                outValues.Add(flip ? 1 - values[i] : values[i]);
            }
        }
        return ([.. outPoints], [.. outValues], [.. train, .. order[trainCount..n]]);
    }
}
