using MlIntro.Core.Experiments;
using MlIntro.Core.Likelihood;

namespace MlIntro.Core.Data.Sources;

/// <summary>
/// "likelihood-toy": the likelihood lesson's default pair, N(0, 1) (class 0) against N(1, 1) (class 1), half the points
/// each, train and test drawn alike. A likelihood run names it as its data and draws its own toy from
/// <see cref="ExperimentDefinition.Likelihood"/>; other runs get the default pair.
/// </summary>
public sealed class LikelihoodToySource : IDatasetSource
{
    public const string Name = "likelihood-toy";

    public bool Serves(string name) => name == Name;

    public int? TrainingRows(DataSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Points;
    }

    public IReadOnlyList<string> FeatureNames(DataSpec spec) => ["x"];

    public DatasetSplit Load(DataSpec spec, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        var pair = LikelihoodToys.Create(new LikelihoodSpec());
        var random = new Random(seed);
        var perClass = Math.Max(1, spec.Points / 2);
        return new DatasetSplit(
            Name,
            DataOrigin.Toy,
            $"Toy data (exact densities): p0 = {pair.P0.Formula}, p1 = {pair.P1.Formula}, {perClass:N0} events per class, seed {seed}",
            ["p0", "p1"],
            Table(pair, perClass, random),
            Table(pair, perClass, random));
    }

    private static TabularData Table(ToyPair pair, int perClass, Random random)
    {
        var x0 = pair.P0.Sample(perClass, random);
        var x1 = pair.P1.Sample(perClass, random);
        return new TabularData(
            ["x"],
            [.. x0.Concat(x1).Select(v => (float)v)],
            [.. Enumerable.Repeat(0, perClass).Concat(Enumerable.Repeat(1, perClass))]);
    }
}
