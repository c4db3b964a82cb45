using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Likelihood;

public sealed class LikelihoodRulesTests
{
    private static readonly ExperimentValidator Validator =
        new(new ExperimentLimits(), new DatasetCatalog([new LikelihoodToySource(), new HiggsUciSource()]));

    private static readonly ExperimentDefinition Valid = new(
        Lesson.LikelihoodRatios,
        new DataSpec(LikelihoodToySource.Name, Points: 40_000),
        new ModelSpec([new HiddenLayer(8), new HiddenLayer(8)]),
        new OptimizerSpec(OptimizerKind.Adam, 0.01),
        new TrainingSpec(50, 1024),
        Seed: 1,
        Likelihood: new LikelihoodSpec());

    [Fact]
    public void Validate_DefaultLikelihoodRun_IsValid()
    {
        var result = Validator.Validate(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
    }

    [Theory]
    [InlineData("EventsPerClass", "Likelihood.EventsPerClass must be between 200 and 25000.")]
    [InlineData("Ensemble", "Likelihood.Ensemble must be between 1 and 10.")]
    [InlineData("NegativeFraction", "Likelihood.NegativeFraction must be between 0 and 0.4.")]
    [InlineData("Sigma", "Likelihood.Sigma0 and Likelihood.Sigma1 must be between 0.1 and 5.")]
    [InlineData("Clip", "Likelihood.ClipQuantile must be between 0.5 and 1 (1: no clipping).")]
    public void Validate_OutOfRangePart_NamesTheFieldAndItsRange(string field, string message)
    {
        var spec = field switch
        {
            "EventsPerClass" => new LikelihoodSpec(EventsPerClass: 30_000),
            "Ensemble" => new LikelihoodSpec(Ensemble: 11),
            "NegativeFraction" => new LikelihoodSpec(NegativeFraction: 0.45),
            "Sigma" => new LikelihoodSpec(Sigma1: double.NaN),
            _ => new LikelihoodSpec(ClipQuantile: 0.2),
        };

        var result = Validator.Validate(Valid with { Likelihood = spec });

        Assert.Contains(message, result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Validate_HiggsToyWithToyData_AsksForTheHiggsDataSet()
    {
        var result = Validator.Validate(Valid with { Likelihood = new LikelihoodSpec(Toy: LikelihoodToyKind.HiggsBackground) });

        Assert.Contains($"Data.Name: a likelihood run on HiggsBackground uses the data set '{HiggsUciSource.Name}'.", result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Validate_LikelihoodPartOnAnotherLesson_IsRefused()
    {
        var result = Validator.Validate(Valid with { Lesson = Lesson.Evaluation });

        Assert.Contains("Likelihood: only the likelihood lesson's runs have this part.", result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Load_LikelihoodToySource_HalfThePointsPerClassFromTheDefaultPair()
    {
        var split = new LikelihoodToySource().Load(new DataSpec(LikelihoodToySource.Name, Points: 4_000), 3, CancellationToken.None);

        Assert.Equal(4_000, split.Train.Rows);
        Assert.Equal(2_000, split.Train.Labels!.Count(l => l == 1));
        Assert.Equal(DataOrigin.Toy, split.Origin);
        // Class 1 is N(1, 1): its mean sits near 1, class 0's near 0 (σ/√2000 ≈ 0.022).
        Assert.Equal(1, split.Train.X.Where((_, i) => split.Train.Labels![i] == 1).Average(v => v), 0.1);
        Assert.Equal(0, split.Train.X.Where((_, i) => split.Train.Labels![i] == 0).Average(v => v), 0.1);
    }
}
