using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// "toy-jets": generated stand-ins for the hls4ml jets (same 16 feature names, classes g, q, t, w, z), for when the
/// real file is absent or a quick run is wanted. <see cref="DataSpec.Points"/> jets are drawn from the seed, then the
/// lecture's recipe applies (80/20 split with seed 42, standard scaling fitted on train). Noise and train fraction
/// are ignored; <see cref="DataSpec.Features"/> may pick a subset of the 16 features.
/// </summary>
public sealed class ToyJetsSource : IDatasetSource
{
    public const string Name = "toy-jets";

    public bool Serves(string name) => name == Name;

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Points > 0 ? JetData.TrainingRows(spec.Points) : null;
    }

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => JetData.FeatureNames;

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Points < 10)
        {
            throw new ArgumentException($"Toy jets need at least 10 jets, not {spec.Points}.", nameof(spec));
        }
        var all = ToyJetGenerator.Generate(spec.Points, new Random(seed));
        cancellationToken.ThrowIfCancellationRequested();
        var (train, test) = JetData.Prepare(all, spec.Features);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Toy jets (generated, not the hls4ml data): {spec.Points:N0} jets of 5 classes, {train.Rows:N0} train / {test.Rows:N0} test, seed {seed}");
        return new DatasetSplit(Name, DataOrigin.Toy, description, JetData.ClassNames, train, test);
    }
}
