using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Likelihood;

namespace MlIntro.Web.Tests.Likelihood;

public sealed class LikelihoodSettingsTests
{
    private static readonly ExperimentValidator Validator = new(
        new ExperimentLimits(), new DatasetCatalog(DataSources.All(Path.GetTempPath(), new UploadRegistry())));

    public static TheoryData<LikelihoodSettings> EveryChoice => new()
    {
        new LikelihoodSettings(),
        new LikelihoodSettings(new LikelihoodSpec(Toy: LikelihoodToyKind.Mixture, Gamma: 0.2, PseudoEvents: 5_000)),
        new LikelihoodSettings(new LikelihoodSpec(Toy: LikelihoodToyKind.Gaussians2D, Ensemble: 10), Width: 64),
        new LikelihoodSettings(new LikelihoodSpec(Toy: LikelihoodToyKind.HiggsBackground, ClipQuantile: 0.99)),
        new LikelihoodSettings(new LikelihoodSpec(Task: LikelihoodTask.NegativeWeights, NegativeFraction: 0.4, EventsPerClass: 25_000)),
    };

    [Theory]
    [MemberData(nameof(EveryChoice))]
    public void ToDefinition_EveryChoiceOfThePage_PassesTheValidator(LikelihoodSettings settings)
    {
        var definition = settings.ToDefinition();

        var result = Validator.Validate(definition);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
    }

    [Theory]
    [MemberData(nameof(EveryChoice))]
    public void From_ItsOwnDefinition_GivesTheSameSettingsBack(LikelihoodSettings settings)
    {
        var definition = settings.ToDefinition();

        var read = LikelihoodSettings.From(definition);

        Assert.Equal(settings, read);
    }

    [Fact]
    public void Describe_HiggsRun_CarriesTheAttribution()
    {
        var definition = new LikelihoodSettings(new LikelihoodSpec(Toy: LikelihoodToyKind.HiggsBackground)).ToDefinition();

        var label = LikelihoodDataLabel.Describe(definition);

        Assert.StartsWith(MlIntro.Core.Data.Sources.Higgs.HiggsUciSource.Citation, label, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", label, StringComparison.Ordinal);
    }
}
