namespace MlIntro.Core.Data.Files;

/// <summary>The first cell of a numeric column that could not be read as a finite number.</summary>
/// <param name="Value">The cell as written (empty when missing).</param>
/// <param name="Reason">Why, when the reader knows better than the text does (Parquet holds numbers, not text).</param>
internal sealed record CellProblem(long Row, string Value, string? Reason = null)
{
    /// <summary>One sentence naming the row, the column and what is wrong with the cell.</summary>
    public string Describe(string column) => $"Data row {Row}, column '{column}': {Reason ?? CellText.Why(Value)}.";
}

/// <summary>
/// A table as read from a file, before columns are chosen: numeric columns as floats (null for text columns),
/// and the label column as codes into its distinct values in order of appearance.
/// </summary>
internal sealed record RawTable(
    string[] Names,
    float[]?[] Numeric,
    CellProblem?[] Problems,
    int LabelColumn,
    int[] LabelCodes,
    IReadOnlyList<string> LabelValues,
    int Rows)
{
    public int IndexOf(string name) => ColumnNames.IndexOf(Names, name);
}

/// <summary>What a reader looks for and how much it accepts.</summary>
/// <param name="LabelCandidates">Names of the label column, the first present wins (exact match first, then ignoring case).</param>
internal sealed record TableReadOptions(
    IReadOnlyList<string> LabelCandidates,
    int MaxRows = int.MaxValue,
    int MaxColumns = int.MaxValue);

internal static class ColumnNames
{
    /// <summary>Index of <paramref name="name"/>: an exact match, else one ignoring case and surrounding spaces; -1 if none.</summary>
    public static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    public static int FindLabel(IReadOnlyList<string> names, IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            var index = IndexOf(names, candidate);
            if (index >= 0)
            {
                return index;
            }
        }
        var wanted = string.Join(" or ", candidates.Select(c => $"'{c}'"));
        throw new DataFileException($"There is no label column {wanted}; the columns are: {List(names)}.");
    }

    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        var shown = string.Join(", ", all.Take(20));
        return all.Count > 20 ? $"{shown} and {all.Count - 20} more" : shown;
    }

    /// <summary>Rejects a header that is not one: empty, all numbers (data without a header), or with repeated names.</summary>
    public static string[] CheckHeader(IReadOnlyList<string> header, int maxColumns)
    {
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new DataFileException("The file is empty.");
        }
        if (header.All(h => double.TryParse(h, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            throw new DataFileException("The first line must be a header with column names, but it holds only numbers.");
        }
        if (header.Count > maxColumns)
        {
            throw new DataFileException($"The file has {header.Count} columns, more than the limit of {maxColumns}.");
        }
        var names = header.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"column {i + 1}" : h.Trim()).ToArray();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new DataFileException($"The column name '{repeated.Key}' appears more than once in the header.");
        }
        return names;
    }
}
