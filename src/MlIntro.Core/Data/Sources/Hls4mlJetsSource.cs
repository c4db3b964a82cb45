using System.Globalization;
using MlIntro.Core.Data.Files;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// "hls4ml-jets": the real hls4ml LHC jet data (OpenML 42468) read from <paramref name="dataDirectory"/>, served while one
/// of <c>hls4ml_lhc_jets_hlf.parquet</c>, <c>.csv</c> or <c>.arff</c> is there (in that order of preference). The file is
/// parsed once and kept in memory; every load applies the lecture's recipe (labels g=0..z=4, 80/20 split with seed 42,
/// standard scaling fitted on train). Points, noise, train fraction and seed of the spec are ignored: the split is the
/// notebook's. <see cref="DataSpec.Features"/> may pick a subset of the 16 features.
/// </summary>
public sealed class Hls4mlJetsSource(string dataDirectory) : IDatasetSource
{
    public const string Name = "hls4ml-jets";
    public const string FileStem = "hls4ml_lhc_jets_hlf";
    public const string Citation = "hls4ml LHC jet data (OpenML 42468, CC BY 4.0, Duarte et al., JINST 13 P07027)";

    private static readonly string[] Extensions = [".parquet", ".csv", ".arff"];
    private static readonly string[] LabelColumns = ["jet_type", "class"];

    private readonly Lock _gate = new();
    private Prepared? _prepared;

    /// <summary>The file that would be read, or null when none is present.</summary>
    public string? FilePath =>
        Extensions.Select(e => Path.Combine(dataDirectory, FileStem + e)).FirstOrDefault(File.Exists);

    public bool Serves(string name) => name == Name && FilePath is not null;

    /// <summary>Known once the file has been loaded; before that null, so that validation never waits for a parse.</summary>
    public int? TrainingRows(DataSpec spec) => _prepared?.Train.Rows;

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => JetData.FeatureNames;

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var prepared = Get(cancellationToken);
        var train = Rows.SelectColumns(prepared.Train, spec.Features);
        var test = Rows.SelectColumns(prepared.Test, spec.Features);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{Citation}: {Path.GetFileName(prepared.Path)}, {prepared.Train.Rows + prepared.Test.Rows:N0} jets, {prepared.Train.Rows:N0} train / {prepared.Test.Rows:N0} test (split seed {JetData.SplitSeed})");
        return new DatasetSplit(Name, DataOrigin.Real, description, prepared.ClassNames, train, test);
    }

    /// <summary>
    /// Parses and prepares the file once. A lock rather than <see cref="Lazy{T}"/> so that a failed parse (a half-downloaded
    /// file) is not cached: the next load tries again. Callers that arrive during the parse wait for it.
    /// </summary>
    private Prepared Get(CancellationToken cancellationToken)
    {
        var path = FilePath ?? throw new DataFileException(
            $"No {FileStem}.parquet, .csv or .arff in '{dataDirectory}'; run scripts/download-hls4ml-jets.sh.");
        lock (_gate)
        {
            if (_prepared is { } cached && cached.Path == path)
            {
                return cached;
            }
            var (all, classNames) = ReadFile(path, cancellationToken);
            var (train, test) = JetData.Prepare(all, null);
            _prepared = new Prepared(path, classNames, train, test);
            return _prepared;
        }
    }

    /// <summary>Reads the 16 features and the label of a jets file; labels encoded in sorted order (g, q, t, w, z).</summary>
    internal static (TabularData Data, string[] ClassNames) ReadFile(string path, CancellationToken cancellationToken)
    {
        var options = new TableReadOptions(LabelColumns);
        RawTable raw;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            raw = Path.GetExtension(path).ToUpperInvariant() switch
            {
                ".PARQUET" => ReadParquet(stream, options, cancellationToken),
                ".ARFF" => ArffTableReader.Read(stream, options, cancellationToken),
                _ => CsvTableReader.Read(stream, options, cancellationToken),
            };
        }
        try
        {
            var (data, classNames) = TableSelection.Select(raw, JetData.FeatureNames, null);
            return (data, classNames);
        }
        catch (DataFileException e)
        {
            throw new DataFileException($"{Path.GetFileName(path)}: {e.Message}", e);
        }
    }

    // REVIEW: Parquet.Net reads asynchronously only, and IDatasetSource.Load is synchronous (it runs on the trainer's
    // thread); blocking here is safe because there is no synchronization context, but an async Load would be better.
    private static RawTable ReadParquet(Stream stream, TableReadOptions options, CancellationToken cancellationToken) =>
        ParquetTableReader.ReadAsync(stream, options, cancellationToken).GetAwaiter().GetResult();

    private sealed record Prepared(string Path, string[] ClassNames, TabularData Train, TabularData Test);
}
