using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MlIntro.Core.Data.Files;
using MlIntro.Core.Data.Sources;

namespace MlIntro.Web.Components.Widgets;

/// <summary>What an accepted upload became: its catalog name ("upload:{id}") and what a page says about it.</summary>
/// <param name="ClassNames">By label index; with two classes the last one is the signal (the network's output is its probability).</param>
public sealed record UploadedChoice(string CatalogName, string FileName, int Rows, int Features, IReadOnlyList<string> ClassNames, bool Weighted);

/// <summary>
/// Upload of a CSV or Parquet table: the header is read first and the label guessed; the whole file is then read once
/// per label choice (<see cref="InspectedTable"/>) so that the features default to the numeric columns that neither
/// hold a problem nor give the label away (each left out by name, with the reason), and, with two classes, the user
/// picks the signal class. "Use" stores the table in the <see cref="UploadRegistry"/>, held while this panel lives (its
/// page is open). Every problem is one sentence from <see cref="DataFileException"/>; a rejected file leaves nothing behind.
/// </summary>
public sealed partial class UploadPanel : IDisposable
{
    private const string NoWeight = "";
    private byte[]? _bytes;
    private string _fileName = "";
    private IReadOnlyList<string>? _columns;
    private InspectedTable? _inspected;
    private string _label = "";
    private string _weight = NoWeight;
    private string? _signal;
    private HashSet<string> _features = [];
    private string? _error;
    private string? _loaded;
    private bool _busy;
    private IDisposable? _holding;

    [Inject]
    private UploadRegistry Registry { get; set; } = default!;

    /// <summary>The parser and its limits (one per panel; the defaults of <see cref="UploadLimits"/>).</summary>
    public UploadedTableParser Parser { get; } = new(new UploadLimits());

    /// <summary>Exactly this many classes (2 for the evaluation lesson); null for any number the limits allow.</summary>
    [Parameter]
    public int? RequiredClasses { get; set; }

    [Parameter]
    public EventCallback<UploadedChoice> Accepted { get; set; }

    private string ClassRule => RequiredClasses is { } k ? $"the label column must hold exactly {k} classes" : $"2 to {Parser.Limits.MaxClasses} classes";

    /// <summary>Columns a user may pick as features: all but the label and the weight.</summary>
    private IEnumerable<ColumnInfo> FeatureChoices => _inspected?.Columns.Where(c => c.Name != _weight) ?? [];

    /// <summary>Why each column that could be a feature is not ticked by default.</summary>
    private IEnumerable<string> Warnings => FeatureChoices.Where(c => c.IsNumeric && !c.IsDefaultFeature).Select(c => c.SeparatesClasses
        ? $"Column '{c.Name}' alone separates the classes perfectly (is it the label in another form?), so it is not ticked as a feature."
        : $"Column '{c.Name}' is not ticked: {c.Problem}");

    private IEnumerable<string> TextColumns => FeatureChoices.Where(c => !c.IsNumeric).Select(c => c.Name);

    private async Task ChooseFileAsync(InputFileChangeEventArgs e)
    {
        Reset();
        var file = e.File;
        try
        {
            if (file.Size > Parser.Limits.MaxBytes)
            {
                throw new DataFileException($"The file is larger than the limit of {FormatBytes(Parser.Limits.MaxBytes)}.");
            }
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(Parser.Limits.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }
            var bytes = buffer.ToArray();
            var columns = await Parser.ReadColumnNamesAsync(new MemoryStream(bytes), file.Name, CancellationToken.None);
            (_bytes, _fileName, _columns) = (bytes, file.Name, columns);
            await ChooseLabelAsync(GuessLabel(columns));
        }
        catch (DataFileException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex)
        {
            _error = "The file could not be read: " + ex.Message;
        }
    }

    /// <summary>A column named like a label, else the last one (the OpenML convention).</summary>
    private static string GuessLabel(IReadOnlyList<string> columns) =>
        columns.FirstOrDefault(c => c.Equals("label", StringComparison.OrdinalIgnoreCase)
            || c.Equals("class", StringComparison.OrdinalIgnoreCase)
            || c.Equals("jet_type", StringComparison.OrdinalIgnoreCase)
            || c.Equals("y", StringComparison.OrdinalIgnoreCase)) ?? columns[^1];

    private async Task ChooseLabelAsync(string label)
    {
        (_label, _inspected, _error, _loaded) = (label, null, null, null);
        if (_bytes is null)
        {
            return;
        }
        _busy = true;
        try
        {
            _inspected = await Parser.InspectAsync(new MemoryStream(_bytes), _fileName, label, CancellationToken.None);
            _signal = _inspected.ClassNames.Count == 2 ? _inspected.ClassNames[1] : null;
            var numeric = _inspected.Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToList();
            _weight = _weight != NoWeight && numeric.Contains(_weight) ? _weight
                : numeric.FirstOrDefault(c => c.Equals("weight", StringComparison.OrdinalIgnoreCase)) ?? NoWeight;
            DefaultFeatures();
            _error = ClassCountProblem();
        }
        catch (DataFileException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The lesson's class rule broken by the chosen label column, said as soon as the file is read.</summary>
    private string? ClassCountProblem() => RequiredClasses is { } k && _inspected is { } t && t.ClassNames.Count != k
        ? $"This lesson needs exactly {k} classes, but the label column '{_label}' holds {t.ClassNames.Count} ({string.Join(", ", t.ClassNames.Take(6))})."
        : null;

    private void ChooseWeight(string weight)
    {
        _weight = weight;
        DefaultFeatures();
    }

    private void DefaultFeatures() => _features = [.. FeatureChoices.Where(c => c.IsDefaultFeature).Select(c => c.Name)];

    private void ToggleFeature(string column, bool on)
    {
        if (on)
        {
            _features.Add(column);
        }
        else
        {
            _features.Remove(column);
        }
    }

    private async Task UseAsync()
    {
        if (_inspected is null)
        {
            return;
        }
        _error = null;
        _loaded = null;
        _busy = true;
        try
        {
            if (_features.Count == 0)
            {
                throw new DataFileException("Choose at least one feature column.");
            }
            if (ClassCountProblem() is { } problem)
            {
                throw new DataFileException(problem);
            }
            var features = _inspected.Columns.Select(c => c.Name).Where(_features.Contains).ToList();
            var columns = new UploadColumns(_label, _weight == NoWeight ? null : _weight, features);
            var table = UploadedTableParser.Select(_inspected, columns, _signal);
            var id = Registry.Add(table.Data, table.ClassNames, _fileName);
            _holding?.Dispose();
            _holding = Registry.Hold(id);
            var choice = new UploadedChoice(UploadRegistry.Prefix + id, _fileName, table.Data.Rows, table.Data.Columns, table.ClassNames, table.Data.Weights is not null);
            var signal = choice.ClassNames.Count == 2 ? $", signal: {choice.ClassNames[1]}" : "";
            _loaded = string.Create(CultureInfo.InvariantCulture,
                $"{_fileName}: {choice.Rows:N0} rows, {choice.Features} features, classes {string.Join(", ", choice.ClassNames)}{signal}{(choice.Weighted ? ", weighted" : "")}.");
            await Accepted.InvokeAsync(choice);
        }
        catch (DataFileException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Reset()
    {
        (_bytes, _columns, _inspected, _error, _loaded, _label, _weight, _signal) = (null, null, null, null, null, "", NoWeight, null);
        _features = [];
    }

    /// <summary>Lets the registry free the table this panel stored: its page is gone.</summary>
    public void Dispose() => _holding?.Dispose();

    private static string FormatBytes(long bytes) => bytes >= 1_000_000
        ? (bytes / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1_000.0).ToString("0.#", CultureInfo.InvariantCulture) + " kB";
}
