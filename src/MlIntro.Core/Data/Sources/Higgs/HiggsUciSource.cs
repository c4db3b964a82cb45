using System.Globalization;
using MlIntro.Core.Data.Files;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Data.Sources.Higgs;

/// <summary>
/// "higgs-uci": the 10,984 real HIGGS events shipped inside this assembly (so it works offline and in any container).
/// The held-out set is fixed: a stratified share 1 − <see cref="DataSpec.TrainFraction"/> of each class, chosen with
/// <see cref="SplitSeed"/>, so that every run and every model of a comparison is judged on the same events. The run's seed
/// then draws <see cref="DataSpec.Points"/> training events (stratified; all when more are asked for than there are) and
/// flips the labels of a share <see cref="DataSpec.Noise"/> of them (label noise, training events only).
/// Features are as UCI ships them (already scaled by the data set's authors).
/// </summary>
public sealed class HiggsUciSource : IDatasetSource
{
    public const string Name = "higgs-uci";
    public const int SplitSeed = 42;
    public const string Citation =
        "Real data: UCI HIGGS (D. Whiteson 2014; Baldi, Sadowski, Whiteson, Nat. Commun. 5, 4308), a 10,984-event subsample, CC BY 4.0";

    private const string ResourceName = "MlIntro.Core.Data.Sources.Higgs.higgs-uci-10984.csv";
    private static readonly string[] ClassNames = ["background", "signal"];
    private static readonly Lazy<TabularData> All = new(ReadAll);

    public bool Serves(string name) => name == Name;

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Math.Min(spec.Points, HiggsSplit.TrainCount(HiggsSplit.ClassCounts(All.Value), spec.TrainFraction));
    }

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => All.Value.FeatureNames;

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        var all = All.Value;
        var (pool, test) = HiggsSplit.Stratified(all, spec.TrainFraction, SplitSeed);
        var train = HiggsSplit.Subsample(pool, spec.Points, seed);
        var flipped = HiggsSplit.FlipLabels(train, spec.Noise, seed);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{Citation}: {train.Rows:N0} training events{(flipped > 0 ? $" ({flipped:N0} labels flipped as noise)" : "")} / {test.Rows:N0} held out (stratified, split seed {SplitSeed}, run seed {seed})");
        return new DatasetSplit(
            Name,
            DataOrigin.Real,
            description,
            ClassNames,
            Rows.SelectColumns(train, spec.Features),
            Rows.SelectColumns(test, spec.Features));
    }

    private static TabularData ReadAll()
    {
        using var stream = typeof(HiggsUciSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from MlIntro.Core.");
        var raw = CsvTableReader.Read(stream, new TableReadOptions(["label"]), CancellationToken.None);
        return TableSelection.Select(raw, null, null).Data;
    }
}
