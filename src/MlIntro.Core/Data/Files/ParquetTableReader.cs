using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace MlIntro.Core.Data.Files;

/// <summary>
/// Reads a flat Parquet file (as pandas and Arrow write them) into a <see cref="RawTable"/>: numeric columns of any width
/// become floats, the label column may hold strings or integers, other columns are ignored.
/// </summary>
internal static class ParquetTableReader
{
    public static async Task<RawTable> ReadAsync(Stream stream, TableReadOptions options, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new DataFileException($"The file is not readable as Parquet: {e.Message}", e);
        }
        await using (reader)
        {
            var fields = reader.Schema.GetDataFields();
            var names = ColumnNames.CheckHeader(fields.Select(f => f.Name).ToList(), options.MaxColumns);
            var label = ColumnNames.FindLabel(names, options.LabelCandidates);
            var rows = reader.RowGroups.Sum(g => g.RowCount);
            if (rows > options.MaxRows)
            {
                throw new DataFileException($"The file has more than {options.MaxRows:N0} data rows, the limit.");
            }
            var numeric = new float[]?[fields.Length];
            var problems = new CellProblem?[fields.Length];
            for (var c = 0; c < fields.Length; c++)
            {
                if (c != label && IsNumeric(fields[c]))
                {
                    numeric[c] = new float[rows];
                }
            }
            var labels = new LabelCollector(names[label], (int)rows);
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                for (var c = 0; c < fields.Length; c++)
                {
                    if (c == label)
                    {
                        await labels.AddAsync(group, fields[c], offset, count, cancellationToken);
                    }
                    else if (numeric[c] is { } column)
                    {
                        var nulls = await ReadNumericAsync(group, fields[c], column.AsMemory(offset, count), cancellationToken);
                        if (nulls >= 0 && problems[c] is null)
                        {
                            var value = column[offset + nulls];
                            problems[c] = new CellProblem(offset + nulls + 1, "",
                                float.IsInfinity(value) ? "the value is too large for a 32-bit float (at most ±3.4e38), or infinite" : null);
                        }
                    }
                }
                offset += count;
            }
            return new RawTable(names, numeric, problems, label, labels.Codes, labels.Values, (int)rows);
        }
    }

    /// <summary>Strings as Parquet.Net 6 exposes them (as <see cref="ReadOnlyMemory{T}"/> of char), or plain byte arrays.</summary>
    private static bool IsText(DataField field) =>
        !field.IsArray && (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>)
            || field.ClrType == typeof(byte[]) || field.ClrType == typeof(ReadOnlyMemory<byte>));

    private static bool IsNumeric(DataField field) =>
        !field.IsArray && Type.GetTypeCode(field.ClrType) is >= TypeCode.SByte and <= TypeCode.Decimal;

    /// <summary>Reads a numeric column as floats; returns the index of its first null or non-finite value, or -1.</summary>
    private static Task<int> ReadNumericAsync(ParquetRowGroupReader group, DataField field, Memory<float> target, CancellationToken ct) =>
        Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.Single => ReadAsync<float>(group, field, target, ct),
            TypeCode.Double => ReadAsync<double>(group, field, target, ct),
            TypeCode.Int32 => ReadAsync<int>(group, field, target, ct),
            TypeCode.Int64 => ReadAsync<long>(group, field, target, ct),
            TypeCode.Int16 => ReadAsync<short>(group, field, target, ct),
            TypeCode.SByte => ReadAsync<sbyte>(group, field, target, ct),
            TypeCode.Byte => ReadAsync<byte>(group, field, target, ct),
            TypeCode.UInt16 => ReadAsync<ushort>(group, field, target, ct),
            TypeCode.UInt32 => ReadAsync<uint>(group, field, target, ct),
            TypeCode.UInt64 => ReadAsync<ulong>(group, field, target, ct),
            TypeCode.Decimal => ReadAsync<decimal>(group, field, target, ct),
            _ => throw new DataFileException($"Column '{field.Name}' has the unsupported type {field.ClrType.Name}."),
        };

    private static async Task<int> ReadAsync<T>(ParquetRowGroupReader group, DataField field, Memory<float> target, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var first = -1;
        if (field.IsNullable)
        {
            var values = new T?[target.Length];
            await group.ReadAsync(field, values.AsMemory(), null, ct);
            var span = target.Span;
            for (var i = 0; i < values.Length; i++)
            {
                span[i] = values[i] is { } v ? float.CreateTruncating(v) : float.NaN;
                if (first < 0 && !float.IsFinite(span[i]))
                {
                    first = i;
                }
            }
        }
        else
        {
            var values = new T[target.Length];
            await group.ReadAsync(field, values.AsMemory(), null, ct);
            var span = target.Span;
            for (var i = 0; i < values.Length; i++)
            {
                span[i] = float.CreateTruncating(values[i]);
                if (first < 0 && !float.IsFinite(span[i]))
                {
                    first = i;
                }
            }
        }
        return first;
    }

    /// <summary>Label values as codes into the distinct values, whether the column holds strings or numbers.</summary>
    private sealed class LabelCollector(string name, int rows)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public int[] Codes { get; } = new int[rows];

        public IReadOnlyList<string> Values => _values;

        public async Task AddAsync(ParquetRowGroupReader group, DataField field, int offset, int count, CancellationToken ct)
        {
            string?[] texts;
            if (IsText(field))
            {
                var values = new string?[count];
                await group.ReadAsync(field, values.AsMemory(), null, ct);
                texts = values;
            }
            else if (IsNumeric(field))
            {
                var numbers = new float[count];
                await ReadNumericAsync(group, field, numbers, ct);
                texts = numbers.Select(v => float.IsFinite(v) ? v.ToString(CultureInfo.InvariantCulture) : null).ToArray();
            }
            else
            {
                throw new DataFileException($"The label column '{name}' has the unsupported type {field.ClrType.Name}.");
            }
            for (var i = 0; i < count; i++)
            {
                var text = texts[i]?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    throw new DataFileException($"Data row {offset + i + 1} has no value in the label column '{name}'.");
                }
                if (!_index.TryGetValue(text, out var code))
                {
                    code = _values.Count;
                    _index.Add(text, code);
                    _values.Add(text);
                }
                Codes[offset + i] = code;
            }
        }
    }
}
