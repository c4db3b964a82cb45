using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data;

/// <summary>One named family of data sets (a generator, a file format, uploads).</summary>
public interface IDatasetSource
{
    /// <summary>True when this source serves the catalog name (e.g. "spiral", "toy-jets", "upload:3f2a…").</summary>
    bool Serves(string name);

    /// <summary>Rows a run of <paramref name="spec"/> trains on, so that validation can bound the batch size; null when unknown.</summary>
    int? TrainingRows(DataSpec spec);

    /// <summary>
    /// The names <see cref="DataSpec.Features"/> may choose from for <paramref name="spec"/>, so that validation refuses
    /// others before the run is stored; null when the source cannot say (the load then reports an unknown name).
    /// </summary>
    IReadOnlyList<string>? FeatureNames(DataSpec spec) => null;

    /// <summary>Builds the split deterministically from <paramref name="seed"/>.</summary>
    DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken);
}
