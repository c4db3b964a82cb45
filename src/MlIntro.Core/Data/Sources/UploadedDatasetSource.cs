using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// Serves "upload:{id}" from the <see cref="UploadRegistry"/>. Rows are split by the spec's train fraction, shuffled with
/// the seed. A table of two feature columns is a Playground plane: its features derive from the raw columns as x1, x2
/// (<see cref="PlaneFeatures"/>), unscaled, and the plane spans the data padded by 10 %. Wider tables are standard-scaled
/// on the training rows, and <see cref="DataSpec.Features"/> may pick columns by name.
/// </summary>
public sealed class UploadedDatasetSource(UploadRegistry registry) : IDatasetSource
{
    public bool Serves(string name) => Find(name) is not null;

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Find(spec.Name) is { } upload ? (int)Math.Floor(upload.Data.Rows * spec.TrainFraction) : null;
    }

    /// <summary>The table's columns; a two-column table also offers the Playground's plane features of them.</summary>
    public IReadOnlyList<string>? FeatureNames(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Find(spec.Name) is { } upload
            ? upload.Data.Columns == 2 ? [.. PlaneFeatures.All.Union(upload.Data.FeatureNames)] : upload.Data.FeatureNames
            : null;
    }

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var upload = Find(spec.Name) ?? throw new ArgumentException($"Unknown or expired upload '{spec.Name}'.", nameof(spec));
        var data = upload.Data;
        var trainCount = PlaneSets.TrainCount(data.Rows, spec.TrainFraction);
        var order = Rows.Permutation(data.Rows, seed);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Uploaded file {upload.FileName}: {data.Rows:N0} rows, {data.Columns} features, {upload.ClassNames.Count} classes, {trainCount:N0} train / {data.Rows - trainCount:N0} test, seed {seed}");

        if (data.Columns == 2 && (spec.Features is null || spec.Features.All(PlaneFeatures.IsKnown)))
        {
            var values = data.Labels!.Select(l => (float)l).ToArray();
            var (min, max) = PaddedRange(data.X);
            var (planeTrain, planeTest, plane) = PlaneSets.Build(data.X, values, order, trainCount, true, spec.Features, min, max, data.Weights);
            description += string.Create(CultureInfo.InvariantCulture, $" (x1 = {data.FeatureNames[0]}, x2 = {data.FeatureNames[1]})");
            return new DatasetSplit(spec.Name, DataOrigin.Uploaded, description, upload.ClassNames, planeTrain, planeTest, plane);
        }

        var train = Rows.Take(data, order.AsSpan(0, trainCount));
        var test = Rows.Take(data, order.AsSpan(trainCount));
        var scaler = StandardScaler.Fit(train);
        return new DatasetSplit(
            spec.Name,
            DataOrigin.Uploaded,
            description,
            upload.ClassNames,
            Rows.SelectColumns(scaler.Transform(train), spec.Features),
            Rows.SelectColumns(scaler.Transform(test), spec.Features));
    }

    /// <summary>One square for both axes: the data's smallest and largest coordinate, widened by 10 % of the span each side.</summary>
    internal static (double Min, double Max) PaddedRange(float[] points)
    {
        var min = points.Min();
        var max = points.Max();
        var span = Math.Max(max - min, 1e-6);
        return (min - 0.1 * span, max + 0.1 * span);
    }

    private UploadedDataset? Find(string name) =>
        UploadRegistry.IdOf(name) is { } id && registry.TryGet(id, out var upload) ? upload : null;
}
