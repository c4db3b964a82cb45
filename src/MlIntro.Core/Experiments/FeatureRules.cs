using MlIntro.Core.Data;

namespace MlIntro.Core.Experiments;

/// <summary>
/// What <see cref="DataSpec.Features"/> must satisfy: names from the data set's own list (<see cref="DatasetCatalog.FeatureNames"/>),
/// each at most once. Checked at Start, so that a typo or a flood of names is refused before the run is stored.
/// </summary>
internal static class FeatureRules
{
    /// <summary>Unknown names are listed at most this many times: one message per name of a long list would flood the log.</summary>
    private const int MaxReported = 5;

    /// <param name="known">The data set's features; null when its source cannot say (then only duplicates are refused).</param>
    public static IEnumerable<string> Errors(DataSpec data, IReadOnlyList<string>? known)
    {
        var features = data.Features ?? [];
        var duplicates = features.Where(f => !string.IsNullOrEmpty(f)).GroupBy(f => f, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (duplicates.Count > 0)
        {
            yield return $"Data.Features: each feature may be chosen once (repeated: {string.Join(", ", duplicates.Take(MaxReported))}).";
        }
        if (known is null)
        {
            yield break;
        }
        var unknown = features.Select((name, index) => (name, index))
            .Where(f => !string.IsNullOrEmpty(f.name) && !known.Contains(f.name, StringComparer.Ordinal)).ToList();
        foreach (var (name, index) in unknown.Take(MaxReported))
        {
            yield return $"Data.Features[{index}]: '{name}' is not a feature of {data.Name} (it has {string.Join(", ", known)}).";
        }
        if (unknown.Count > MaxReported)
        {
            yield return $"Data.Features: {unknown.Count - MaxReported} more names are not features of {data.Name}.";
        }
    }
}
