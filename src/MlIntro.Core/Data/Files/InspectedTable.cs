namespace MlIntro.Core.Data.Files;

/// <summary>What a page needs to know about one column before the user picks the features.</summary>
/// <param name="IsNumeric">Every cell so far read as a number (a text column is not).</param>
/// <param name="Problem">Why the column cannot be a feature as it is (a text cell, a missing value, a number too large for float); null when fine.</param>
/// <param name="SeparatesClasses">Its values alone separate the classes perfectly (<see cref="ClassSeparation"/>): the label in disguise.</param>
public sealed record ColumnInfo(string Name, bool IsNumeric, string? Problem, bool SeparatesClasses)
{
    /// <summary>Worth ticking by default: numeric, readable, and not giving the answer away.</summary>
    public bool IsDefaultFeature => IsNumeric && Problem is null && !SeparatesClasses;
}

/// <summary>
/// An uploaded file read once with its label column chosen: every other column described, and the rows kept so that
/// <see cref="UploadedTableParser.Select"/> can build the table for any choice of features without reading the file again.
/// </summary>
public sealed class InspectedTable
{
    internal InspectedTable(RawTable raw)
    {
        Raw = raw;
        var (labels, classNames) = TableSelection.Encode(raw.LabelCodes, raw.LabelValues);
        ClassNames = classNames;
        Columns = [.. Enumerable.Range(0, raw.Names.Length)
            .Where(c => c != raw.LabelColumn)
            .Select(c => Describe(raw, c, labels))];
    }

    internal RawTable Raw { get; }

    public string LabelColumn => Raw.Names[Raw.LabelColumn];

    public int Rows => Raw.Rows;

    /// <summary>Class names by label index (sorted as <see cref="TableSelection.Encode"/> sorts them).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Every column but the label, in file order.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    private static ColumnInfo Describe(RawTable raw, int column, int[] labels)
    {
        var name = raw.Names[column];
        var problem = raw.Problems[column]?.Describe(name);
        if (raw.Numeric[column] is not { } values)
        {
            return new ColumnInfo(name, false, problem, false);
        }
        return new ColumnInfo(name, true, problem, problem is null && ClassSeparation.Separates(values, labels));
    }
}
