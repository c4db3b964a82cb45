using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// TensorFlow Playground's six toy sets over [-6, 6]²: classification "circle", "xor", "gauss", "spiral" (classes 0/1)
/// and regression "plane", "multigauss". Points, noise (0..0.5), train fraction and features come from the
/// <see cref="DataSpec"/>; the same seed draws the same points.
/// </summary>
public sealed class PlaygroundDatasetSource : IDatasetSource
{
    public const double Min = -6;
    public const double Max = 6;

    public static IReadOnlyList<string> ClassificationSets { get; } = ["circle", "xor", "gauss", "spiral"];

    public static IReadOnlyList<string> RegressionSets { get; } = ["plane", "multigauss"];

    public static bool IsRegression(string name) => RegressionSets.Contains(name);

    public bool Serves(string name) => ClassificationSets.Contains(name) || RegressionSets.Contains(name);

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Points >= 2 ? Math.Clamp((int)Math.Floor(spec.Points * spec.TrainFraction), 0, spec.Points) : null;
    }

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => PlaneFeatures.All;

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        SpecChecks.Noise(spec);
        var trainCount = PlaneSets.TrainCount(spec.Points, spec.TrainFraction);
        var random = new Random(seed);
        var (points, values) = PlaygroundGenerators.Generate(spec.Name, spec.Points, spec.Noise, random);
        // The Playground shuffles the drawn points, then slices the training share off the front.
        var order = Rows.Permutation(spec.Points, random.Next());
        var classification = !IsRegression(spec.Name);
        var (train, test, plane) = PlaneSets.Build(points, values, order, trainCount, classification, spec.Features, Min, Max);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Toy data: {spec.Name}, {spec.Points} points ({trainCount} train / {spec.Points - trainCount} test), {PlaneSets.Percent(spec.Noise)} noise, seed {seed}");
        return new DatasetSplit(spec.Name, DataOrigin.Toy, description, classification ? ["0", "1"] : [], train, test, plane);
    }
}
