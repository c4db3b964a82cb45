using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// "gauss2d-tutorial", the school's binary-classifier tutorial: 1000 background points from N(0, 1) and 300 signal points
/// from N(2, 0.5) (standard deviations) in 2D. The counts are the tutorial's; <see cref="DataSpec.Points"/> and
/// <see cref="DataSpec.Noise"/> are ignored, the train fraction and features apply.
/// </summary>
public sealed class GaussTutorialSource : IDatasetSource
{
    public const string Name = "gauss2d-tutorial";
    public const int Background = 1000;
    public const int Signal = 300;

    /// <summary>Fixed drawing square; points beyond it (about one in a hundred thousand) are trained on but not drawn.</summary>
    public const double Min = -5;
    public const double Max = 5;

    public bool Serves(string name) => name == Name;

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (int)Math.Floor((Background + Signal) * spec.TrainFraction);
    }

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => PlaneFeatures.All;

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        const int total = Background + Signal;
        var trainCount = PlaneSets.TrainCount(total, spec.TrainFraction);
        var random = new Random(seed);
        var points = new float[2 * total];
        var values = new float[total];
        for (var i = 0; i < total; i++)
        {
            var (mean, sigma, label) = i < Background ? (0.0, 1.0, 0) : (2.0, 0.5, 1);
            points[2 * i] = (float)PlaygroundGenerators.Normal(random, mean, sigma * sigma);
            points[2 * i + 1] = (float)PlaygroundGenerators.Normal(random, mean, sigma * sigma);
            values[i] = label;
        }
        var order = Rows.Permutation(total, random.Next());
        var (train, test, plane) = PlaneSets.Build(points, values, order, trainCount, true, spec.Features, Min, Max);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Toy data: 2D Gaussians, {Background} background N(0, 1) and {Signal} signal N(2, 0.5), {trainCount} train / {total - trainCount} test, seed {seed}");
        return new DatasetSplit(Name, DataOrigin.Toy, description, ["background", "signal"], train, test, plane);
    }
}
