using System.Globalization;
using System.Security.Cryptography;
using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Data;

public sealed class HiggsUciSourceTests
{
    private static readonly string ShippedFile = Path.Combine(RepositoryRoot(), "src", "MlIntro.Core", "Data", "Sources", "Higgs", "higgs-uci-10984.csv");

    [Fact]
    public void ShippedFile_IsTheDocumentedSubsample()
    {
        using var stream = File.OpenRead(ShippedFile);

        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));

        Assert.Equal("21f8b95e4aaed9e631a76d69c724bb0ca94456bc1ac01e18fd81b968dd3c9724", hash);
    }

    [Fact]
    public void Load_EveryEvent_AllRowsWith28FeaturesAndTheFileLabelCounts()
    {
        var spec = new DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: 0.5);

        var split = new HiggsUciSource().Load(spec, 1, CancellationToken.None);

        var lines = File.ReadLines(ShippedFile).Skip(1).Select(l => l.Split(',')).ToList();
        var fileSignal = lines.Count(cells => double.Parse(cells[^1], CultureInfo.InvariantCulture) == 1);
        var labels = split.Train.Labels!.Concat(split.Test.Labels!).ToList();
        Assert.Equal(10_984, lines.Count);
        Assert.Equal(5_821, fileSignal);
        Assert.Equal(10_984, split.Train.Rows + split.Test.Rows);
        Assert.Equal(28, split.Train.Columns);
        Assert.Equal("m_wwbb", split.Train.FeatureNames[^1]);
        Assert.Equal(5_821, labels.Count(l => l == 1));
        Assert.Equal(5_163, labels.Count(l => l == 0));
        Assert.Equal(["background", "signal"], split.ClassNames);
        Assert.Equal(DataOrigin.Real, split.Origin);
        Assert.Contains("CC BY 4.0", split.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FirstFileRow_KeepsItsValues()
    {
        var first = File.ReadLines(ShippedFile).Skip(1).First().Split(',').Select(c => float.Parse(c, CultureInfo.InvariantCulture)).ToArray();

        var split = new HiggsUciSource().Load(new DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: 0.5), 1, CancellationToken.None);

        var all = split.Train.X.Concat(split.Test.X).Chunk(28).ToList();
        Assert.Contains(all, row => row.AsSpan().SequenceEqual(first.AsSpan(0, 28)));
    }

    [Fact]
    public void Load_TrainFraction_SplitsEachClassInThatShare()
    {
        var split = new HiggsUciSource().Load(new DataSpec(HiggsUciSource.Name, Points: 50_000, TrainFraction: 0.9), 3, CancellationToken.None);

        Assert.Equal(5_238, split.Train.Labels!.Count(l => l == 1));  // floor(5,821 × 0.9)
        Assert.Equal(4_646, split.Train.Labels!.Count(l => l == 0));  // floor(5,163 × 0.9)
        Assert.Equal(1_100, split.Test.Rows);
    }

    [Fact]
    public void Load_DifferentRunSeeds_SameHeldOutEventsDifferentTrainingSubsample()
    {
        var source = new HiggsUciSource();
        var spec = new DataSpec(HiggsUciSource.Name, Points: 1_000, TrainFraction: 0.9);

        var a = source.Load(spec, 1, CancellationToken.None);
        var b = source.Load(spec, 1, CancellationToken.None);
        var c = source.Load(spec, 2, CancellationToken.None);

        Assert.Equal(a.Test.X, c.Test.X);
        Assert.Equal(a.Train.X, b.Train.X);
        Assert.NotEqual(a.Train.X, c.Train.X);
        Assert.Equal(1_000, a.Train.Rows);
        Assert.InRange(a.Train.Labels!.Average(), 0.52, 0.54);         // the file's signal share, 0.530
        Assert.Equal(1_000, source.TrainingRows(spec));
    }

    [Theory]
    // 5,238 signal and 4,646 background events may train: 1,000 of them in those shares are 529.95 and 470.05, so floor
    // gives 529 + 470 = 999 and the one left over goes to the larger remainder, signal.
    [InlineData(1_000, 530, 470)]
    [InlineData(500, 265, 235)]
    [InlineData(2_500, 1_325, 1_175)]
    public void Load_SliderCount_TrainsOnExactlyThatManyEventsInTheClassShares(int points, int signal, int background)
    {
        var spec = new DataSpec(HiggsUciSource.Name, Points: points, TrainFraction: 0.9);

        var split = new HiggsUciSource().Load(spec, 1, CancellationToken.None);

        Assert.Equal(points, split.Train.Rows);
        Assert.Equal(signal, split.Train.Labels!.Count(l => l == 1));
        Assert.Equal(background, split.Train.Labels!.Count(l => l == 0));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{points:N0} training events"), split.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelNoise_FlipsThatShareOfTrainingLabelsOnly()
    {
        var source = new HiggsUciSource();
        var clean = source.Load(new DataSpec(HiggsUciSource.Name, Points: 2_000, TrainFraction: 0.9), 5, CancellationToken.None);

        var noisy = source.Load(new DataSpec(HiggsUciSource.Name, Points: 2_000, Noise: 0.2, TrainFraction: 0.9), 5, CancellationToken.None);

        var flipped = clean.Train.Labels!.Zip(noisy.Train.Labels!).Count(p => p.First != p.Second);
        Assert.Equal(clean.Train.X, noisy.Train.X);
        Assert.Equal((int)Math.Round(0.2 * clean.Train.Rows), flipped);
        Assert.Equal(clean.Test.Labels, noisy.Test.Labels);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MlIntro.Web.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("MlIntro.Web.sln not found above the test binaries.");
    }
}
