namespace MlIntro.Core.Data.Files;

/// <summary>Bounds on an uploaded table; every one is checked with its own message.</summary>
public sealed record UploadLimits(
    long MaxBytes = 50_000_000,
    int MaxRows = 500_000,
    int MaxColumns = 200,
    int MinRows = 20,
    int MaxClasses = 20);

/// <summary>Which columns of an uploaded table play which part.</summary>
/// <param name="LabelColumn">The class label column (text or integers).</param>
/// <param name="WeightColumn">Optional per-row event weights (negative weights are allowed).</param>
/// <param name="FeatureColumns">Feature columns; null means every numeric column besides label and weight.</param>
public sealed record UploadColumns(
    string LabelColumn,
    string? WeightColumn = null,
    IReadOnlyList<string>? FeatureColumns = null);

/// <summary>An uploaded table ready for a source: rows with labels (and weights), and the class names by label index.</summary>
public sealed record UploadedTable(TabularData Data, IReadOnlyList<string> ClassNames);

/// <summary>
/// Reads a user's CSV or Parquet table with a header. Every problem becomes a <see cref="DataFileException"/> whose
/// message is one sentence a page can show.
/// </summary>
public sealed class UploadedTableParser(UploadLimits limits)
{
    public UploadLimits Limits { get; } = limits;

    /// <summary>Parses by file extension: <c>.parquet</c> as Parquet, anything else as CSV.</summary>
    public Task<UploadedTable> ParseAsync(Stream stream, string fileName, UploadColumns columns, CancellationToken cancellationToken) =>
        fileName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? ParseParquetAsync(stream, columns, cancellationToken)
            : ParseCsvAsync(stream, columns, cancellationToken);

    public async Task<UploadedTable> ParseCsvAsync(Stream stream, UploadColumns columns, CancellationToken cancellationToken)
    {
        using var buffer = await BufferAsync(stream, cancellationToken);
        var raw = CsvTableReader.Read(buffer, Options(columns), cancellationToken);
        return Finish(raw, columns);
    }

    public async Task<UploadedTable> ParseParquetAsync(Stream stream, UploadColumns columns, CancellationToken cancellationToken)
    {
        using var buffer = await BufferAsync(stream, cancellationToken);
        var raw = await ParquetTableReader.ReadAsync(buffer, Options(columns), cancellationToken);
        return Finish(raw, columns);
    }

    /// <summary>
    /// Reads the whole file with <paramref name="labelColumn"/> as the label and describes the other columns (numeric or
    /// not, their first problem, whether they alone separate the classes), so that a page can offer sensible features.
    /// </summary>
    public async Task<InspectedTable> InspectAsync(Stream stream, string fileName, string labelColumn, CancellationToken cancellationToken)
    {
        using var buffer = await BufferAsync(stream, cancellationToken);
        var options = Options(new UploadColumns(labelColumn));
        var raw = fileName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? await ParquetTableReader.ReadAsync(buffer, options, cancellationToken)
            : CsvTableReader.Read(buffer, options, cancellationToken);
        var inspected = new InspectedTable(raw);
        CheckRowsAndClasses(raw, inspected.ClassNames);
        return inspected;
    }

    /// <summary>
    /// The table of an inspected file for <paramref name="columns"/> (its label must be the inspected one). With
    /// <paramref name="signalClass"/> among two classes, that class becomes class 1, the one a binary classifier's output
    /// is the probability of; otherwise classes keep their sorted order (the last one is class 1).
    /// </summary>
    public static UploadedTable Select(InspectedTable inspected, UploadColumns columns, string? signalClass = null)
    {
        ArgumentNullException.ThrowIfNull(inspected);
        ArgumentNullException.ThrowIfNull(columns);
        if (ColumnNames.IndexOf(inspected.Raw.Names, columns.LabelColumn) != inspected.Raw.LabelColumn)
        {
            throw new ArgumentException($"The file was inspected with the label column '{inspected.LabelColumn}'.", nameof(columns));
        }
        var (data, classNames) = TableSelection.Select(inspected.Raw, columns.FeatureColumns, columns.WeightColumn);
        if (signalClass is null || classNames.Length != 2 || classNames[1] == signalClass)
        {
            return new UploadedTable(data, classNames);
        }
        if (classNames[0] != signalClass)
        {
            throw new DataFileException($"There is no class '{signalClass}' in the label column '{inspected.LabelColumn}'.");
        }
        var flipped = data with { Labels = [.. data.Labels!.Select(l => 1 - l)] };
        return new UploadedTable(flipped, [classNames[1], classNames[0]]);
    }

    /// <summary>The column names of a CSV or Parquet header, so that a page can offer the label column to choose.</summary>
    public async Task<IReadOnlyList<string>> ReadColumnNamesAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = await BufferAsync(stream, cancellationToken);
        if (fileName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var schema = await Parquet.ParquetReader.ReadSchemaAsync(buffer);
                return ColumnNames.CheckHeader(schema.GetDataFields().Select(f => f.Name).ToList(), Limits.MaxColumns);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
            {
                throw new DataFileException($"The file is not readable as Parquet: {e.Message}", e);
            }
        }
        using var reader = CsvHelper.CsvReader.Create(buffer, CsvHelper.CsvReaderOptions.Default with { TrimWhitespace = true }, leaveOpen: true);
        return ColumnNames.CheckHeader(reader.Headers.ToArray(), Limits.MaxColumns);
    }

    private TableReadOptions Options(UploadColumns columns) =>
        new([columns.LabelColumn], Limits.MaxRows, Limits.MaxColumns);

    private UploadedTable Finish(RawTable raw, UploadColumns columns)
    {
        var (data, classNames) = TableSelection.Select(raw, columns.FeatureColumns, columns.WeightColumn);
        CheckRowsAndClasses(raw, classNames);
        return new UploadedTable(data, classNames);
    }

    private void CheckRowsAndClasses(RawTable raw, IReadOnlyList<string> classNames)
    {
        if (raw.Rows < Limits.MinRows)
        {
            throw new DataFileException($"The file has {raw.Rows} data rows, fewer than the {Limits.MinRows} needed.");
        }
        var label = raw.Names[raw.LabelColumn];
        if (classNames.Count < 2)
        {
            throw new DataFileException($"The label column '{label}' holds only one class ('{classNames[0]}'); classification needs at least two.");
        }
        if (classNames.Count > Limits.MaxClasses)
        {
            throw new DataFileException($"The label column '{label}' holds {classNames.Count} different values, more than the limit of {Limits.MaxClasses} classes.");
        }
    }

    /// <summary>
    /// Copies the upload into memory, refusing more than <see cref="UploadLimits.MaxBytes"/>. Parquet needs a seekable
    /// stream anyway, and a browser upload stream is not one.
    /// </summary>
    private async Task<MemoryStream> BufferAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length - stream.Position > Limits.MaxBytes)
        {
            throw TooLarge();
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Limits.MaxBytes)
            {
                await buffer.DisposeAsync();
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0 || IsBlank(buffer))
        {
            await buffer.DisposeAsync();
            throw new DataFileException("The file is empty.");
        }
        buffer.Position = 0;
        return buffer;
    }

    private DataFileException TooLarge() =>
        new($"The file is larger than the limit of {FormatBytes(Limits.MaxBytes)}.");

    private static bool IsBlank(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOfAnyExcept(" \t\r\n\uFEFF"u8) < 0;

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1_000_000 => $"{bytes / 1_000_000.0:0.#} MB",
        >= 1_000 => $"{bytes / 1_000.0:0.#} kB",
        _ => $"{bytes} bytes",
    };
}
