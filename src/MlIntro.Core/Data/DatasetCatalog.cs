using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data;

/// <summary>Finds the source of a data set by name; the one place validation and training ask.</summary>
public sealed class DatasetCatalog(IEnumerable<IDatasetSource> sources)
{
    private readonly IDatasetSource[] _sources = sources.ToArray();

    public bool Knows(string name) => Find(name) is not null;

    public int? TrainingRows(DataSpec spec) => Find(spec.Name)?.TrainingRows(spec);

    /// <summary>The features <paramref name="spec"/> may choose from; null for unknown data sets and sources that cannot say.</summary>
    public IReadOnlyList<string>? FeatureNames(DataSpec spec) => Find(spec.Name)?.FeatureNames(spec);

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken) =>
        (Find(spec.Name) ?? throw new ArgumentException($"Unknown data set '{spec.Name}'.", nameof(spec)))
            .Load(spec, seed, cancellationToken);

    private IDatasetSource? Find(string name) => _sources.FirstOrDefault(s => s.Serves(name));
}
