using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Data;

public sealed class ToyJetsSourceTests
{
    private static readonly string[] Hls4mlFeatures =
    [
        "zlogz", "c1_b0_mmdt", "c1_b1_mmdt", "c1_b2_mmdt", "c2_b1_mmdt", "c2_b2_mmdt", "d2_b1_mmdt", "d2_b2_mmdt",
        "d2_a1_b1_mmdt", "d2_a1_b2_mmdt", "m2_b1_mmdt", "m2_b2_mmdt", "n2_b1_mmdt", "n2_b2_mmdt", "mass_mmdt", "multiplicity",
    ];

    private static readonly TabularData Raw = ToyJetGenerator.Generate(20_000, new Random(5));

    [Fact]
    public void Generate_Classes_RoughlyBalanced()
    {
        var counts = Enumerable.Range(0, 5).Select(c => Raw.Labels!.Count(l => l == c)).ToArray();

        Assert.All(counts, n => Assert.InRange(n, 3_800, 4_200));
    }

    [Theory]
    [InlineData(3, 80.4)]
    [InlineData(4, 91.2)]
    [InlineData(2, 172.8)]
    public void Generate_BosonAndTopJets_MassPeaksAtParticleMassWithEightPercentResolution(int label, double mass)
    {
        // The peak, not the class mean: groomed-away prongs put some jets at light-jet masses on purpose.
        var masses = Column("mass_mmdt", label).Where(m => Math.Abs(m - mass) < 3 * 0.08 * mass).ToList();

        var mean = masses.Average();
        var sigma = Math.Sqrt(masses.Average(m => (m - mean) * (m - mean)));
        Assert.True(masses.Count > 2_400, $"only {masses.Count} jets near {mass} GeV");
        Assert.InRange(mean, mass - 1.5, mass + 1.5);
        Assert.InRange(sigma / mass, 0.07, 0.085); // 8 % resolution, the ±3σ window trims it by 1.5 %
    }

    [Fact]
    public void Draw_EveryClass_PtFallsAcrossTheOneTeVWindow()
    {
        var random = new Random(9);

        var pts = Enumerable.Range(0, 10_000).Select(i => ToyJetShapes.Draw(i % 5, random).Pt).ToList();

        Assert.All(pts, pt => Assert.InRange(pt, 950, 1050));
        Assert.True(pts.Count(pt => pt < 1000) > pts.Count(pt => pt >= 1000) * 1.1, "a falling spectrum has more jets below 1 TeV than above");
    }

    [Fact]
    public void Draw_TopJets_Tau32LowestForTheThreeProngTop()
    {
        var random = new Random(11);
        var jets = Enumerable.Range(0, 10_000).Select(i => (Label: i % 5, Jet: ToyJetShapes.Draw(i % 5, random))).ToList();

        var top = jets.Where(j => j.Label == 2).Average(j => j.Jet.Tau32);
        var others = jets.Where(j => j.Label != 2).Average(j => j.Jet.Tau32);

        Assert.True(top < others - 0.15, $"top τ32 {top} vs others {others}");
    }

    [Fact]
    public void Generate_TopJets_ThreeProngStructureRaisesM2AboveEveryOtherClass()
    {
        var top = Column("m2_b1_mmdt", 2).Average();

        var others = Enumerable.Range(0, 5).Where(c => c != 2).Select(c => Column("m2_b1_mmdt", c).Average()).ToList();

        Assert.All(others, o => Assert.True(top > o + 0.02, $"top M2 {top} not above {o}"));
    }

    [Fact]
    public void Generate_BosonJets_TwoProngD2WellBelowLightJets()
    {
        var boson = Median(Column("d2_b1_mmdt", 3).Concat(Column("d2_b1_mmdt", 4)));

        var light = Median(Column("d2_b1_mmdt", 0).Concat(Column("d2_b1_mmdt", 1)));

        Assert.True(boson < light - 0.8, $"W/Z median D2 {boson} not well below g/q {light}");
    }

    [Fact]
    public void Generate_LightJets_MassFallsOffWithoutPeak()
    {
        var gluon = Column("mass_mmdt", 0).ToList();
        var quark = Column("mass_mmdt", 1).ToList();

        Assert.True(gluon.Count(m => m < 50) > gluon.Count(m => m is >= 50 and < 100));
        Assert.True(gluon.Count(m => m is >= 50 and < 100) > gluon.Count(m => m is >= 100 and < 150));
        Assert.True(quark.Average() < 60);
    }

    [Fact]
    public void Generate_Multiplicity_GluonsAboveQuarks()
    {
        var gluon = Column("multiplicity", 0).Average();
        var quark = Column("multiplicity", 1).Average();

        Assert.True(gluon > quark + 10, $"gluon {gluon} vs quark {quark}");
    }

    [Fact]
    public void Generate_TwoProngRatios_LowerForBosonsThanLightJets()
    {
        foreach (var feature in new[] { "c2_b1_mmdt", "d2_b1_mmdt", "n2_b1_mmdt" })
        {
            var boson = Column(feature, 3).Concat(Column(feature, 4)).Average();
            var light = Column(feature, 0).Concat(Column(feature, 1)).Average();
            Assert.True(boson < light, $"{feature}: W/Z {boson} not below g/q {light}");
        }
    }

    [Fact]
    public void Load_Default_RecipeSplitScaledAndLabelled()
    {
        var split = new ToyJetsSource().Load(new DataSpec("toy-jets", Points: 5_000), 3, CancellationToken.None);

        Assert.Equal(4_000, split.Train.Rows);
        Assert.Equal(1_000, split.Test.Rows);
        Assert.Equal(Hls4mlFeatures, split.Train.FeatureNames);
        Assert.Equal(["g", "q", "t", "w", "z"], split.ClassNames);
        Assert.Equal(DataOrigin.Toy, split.Origin);
        Assert.StartsWith("Toy jets (generated, not the hls4ml data)", split.Description, StringComparison.Ordinal);
        for (var c = 0; c < 16; c++)
        {
            var column = Enumerable.Range(0, split.Train.Rows).Select(r => (double)split.Train.X[r * 16 + c]).ToList();
            var mean = column.Average();
            Assert.Equal(0, mean, 1e-3);
            Assert.Equal(1, Math.Sqrt(column.Average(v => (v - mean) * (v - mean))), 1e-3);
        }
    }

    [Fact]
    public void Load_SameSeed_Identical_DifferentSeed_Different()
    {
        var source = new ToyJetsSource();
        var spec = new DataSpec("toy-jets", Points: 500);

        var a = source.Load(spec, 1, CancellationToken.None);
        var b = source.Load(spec, 1, CancellationToken.None);
        var c = source.Load(spec, 2, CancellationToken.None);

        Assert.Equal(a.Train.X, b.Train.X);
        Assert.Equal(a.Test.Labels, b.Test.Labels);
        Assert.NotEqual(a.Train.X, c.Train.X);
    }

    [Fact]
    public void Load_FeatureSubset_KeepsThoseColumnsInOrder()
    {
        var source = new ToyJetsSource();
        var all = source.Load(new DataSpec("toy-jets", Points: 500), 1, CancellationToken.None);

        var some = source.Load(new DataSpec("toy-jets", Points: 500, Features: ["multiplicity", "mass_mmdt"]), 1, CancellationToken.None);

        Assert.Equal(["multiplicity", "mass_mmdt"], some.Train.FeatureNames);
        Assert.Equal(all.Train.X[15], some.Train.X[0]);
        Assert.Equal(all.Train.X[14], some.Train.X[1]);
        Assert.Equal(all.Train.X[16 + 15], some.Train.X[2]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static IEnumerable<double> Column(string feature, int label)
    {
        var c = Array.IndexOf(Hls4mlFeatures, feature);
        return Enumerable.Range(0, Raw.Rows).Where(r => Raw.Labels![r] == label).Select(r => (double)Raw.X[r * 16 + c]);
    }
}
