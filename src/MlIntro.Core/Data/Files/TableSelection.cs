using System.Globalization;

namespace MlIntro.Core.Data.Files;

/// <summary>Turns a <see cref="RawTable"/> into <see cref="TabularData"/>: chosen feature columns row-major, labels encoded.</summary>
internal static class TableSelection
{
    /// <summary>
    /// Picks <paramref name="features"/> (null: every numeric column but the label and weight) and the optional weight column.
    /// Labels are encoded like scikit-learn's LabelEncoder: class index = position in the sorted distinct values
    /// (numerically sorted when all values are numbers).
    /// </summary>
    public static (TabularData Data, string[] ClassNames) Select(RawTable table, IReadOnlyList<string>? features, string? weightColumn)
    {
        var weightIndex = -1;
        if (weightColumn is not null)
        {
            weightIndex = Require(table, weightColumn, "weight");
        }
        int[] featureIndices;
        if (features is null)
        {
            featureIndices = Enumerable.Range(0, table.Names.Length)
                .Where(c => c != table.LabelColumn && c != weightIndex && table.Numeric[c] is not null)
                .ToArray();
            if (featureIndices.Length == 0)
            {
                throw new DataFileException("The file has no numeric columns besides the label and weight to use as features.");
            }
            foreach (var c in featureIndices)
            {
                ThrowIfProblem(table, c);
            }
        }
        else
        {
            featureIndices = features.Select(f => Require(table, f, "feature")).ToArray();
            if (featureIndices.Contains(table.LabelColumn))
            {
                throw new DataFileException($"The label column '{table.Names[table.LabelColumn]}' cannot also be a feature.");
            }
        }

        var rows = table.Rows;
        var width = featureIndices.Length;
        var x = new float[rows * width];
        for (var f = 0; f < width; f++)
        {
            var column = table.Numeric[featureIndices[f]]!;
            for (var r = 0; r < rows; r++)
            {
                x[r * width + f] = column[r];
            }
        }
        var weights = weightIndex >= 0 ? (float[])table.Numeric[weightIndex]!.Clone() : null;
        var (labels, classNames) = Encode(table.LabelCodes, table.LabelValues);
        var names = featureIndices.Select(c => table.Names[c]).ToArray();
        return (new TabularData(names, x, labels, Weights: weights), classNames);
    }

    /// <summary>Sorted class names and each row's index into them.</summary>
    public static (int[] Labels, string[] ClassNames) Encode(int[] codes, IReadOnlyList<string> values)
    {
        var numeric = values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) => numeric
            ? double.Parse(values[a], CultureInfo.InvariantCulture).CompareTo(double.Parse(values[b], CultureInfo.InvariantCulture))
            : string.CompareOrdinal(values[a], values[b]));
        var rank = new int[values.Count];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }
        var labels = new int[codes.Length];
        for (var r = 0; r < codes.Length; r++)
        {
            labels[r] = rank[codes[r]];
        }
        return (labels, order.Select(i => values[i]).ToArray());
    }

    private static int Require(RawTable table, string name, string role)
    {
        var index = table.IndexOf(name);
        if (index < 0)
        {
            throw new DataFileException($"There is no {role} column '{name}'; the columns are: {ColumnNames.List(table.Names)}.");
        }
        ThrowIfProblem(table, index);
        if (table.Numeric[index] is null)
        {
            throw new DataFileException($"The {role} column '{name}' does not hold numbers.");
        }
        return index;
    }

    private static void ThrowIfProblem(RawTable table, int column)
    {
        if (table.Problems[column] is { } problem)
        {
            throw new DataFileException(problem.Describe(table.Names[column]));
        }
    }
}
