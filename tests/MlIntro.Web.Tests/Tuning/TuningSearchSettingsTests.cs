using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Pages.Tuning;

namespace MlIntro.Web.Tests.Tuning;

/// <summary>/tuning's optimizer and dropout search: into the study's space, through a fork link (<c>?d=</c>) and back to the controls.</summary>
public sealed class TuningSearchSettingsTests
{
    private static readonly ExperimentValidator Validator = new(new ExperimentLimits(), new DatasetCatalog([new PlaygroundDatasetSource()]));

    private static IReadOnlyList<string> Errors(TuningSettings settings) =>
        [.. Validator.Validate(settings.Definition()).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void Definition_OptimizerAndDropoutSearched_SpaceHoldsTheChosenOptimizersAndTheDropoutRange()
    {
        var settings = new TuningSettings(SearchOptimizer: true, SearchDropout: true, DropoutLow: 0.1, DropoutHigh: 0.4)
            .WithOptimizer(OptimizerKind.RMSProp, true)
            .WithOptimizer(OptimizerKind.Momentum, false);

        var space = settings.Definition().Study!.Space;

        Assert.Equal([OptimizerKind.GD, OptimizerKind.RMSProp, OptimizerKind.Adam], space.Optimizers);
        Assert.Equal(new FloatRange(0.1, 0.4), space.Dropout);
        Assert.Empty(Errors(settings));
    }

    [Fact]
    public void From_ForkLinkOfOptimizerAndDropoutStudy_GivesBackTheControlsThatMadeIt()
    {
        var settings = new TuningSettings(Data: "xor", Sampler: SamplerKind.Tpe, SearchOptimizer: true, SearchDropout: true,
            DropoutLow: 0.05, DropoutHigh: 0.3, SearchNeurons: false, Seed: 7).WithOptimizer(OptimizerKind.Adagrad, true);
        var link = DefinitionLink.ForLesson(settings.Definition());

        var back = TuningSettings.From(DefinitionLink.Parse(link.Split('=')[1])!);

        Assert.StartsWith("/tuning?d=", link, StringComparison.Ordinal);
        Assert.Equal([OptimizerKind.GD, OptimizerKind.Momentum, OptimizerKind.Adagrad, OptimizerKind.Adam], back.OptimizerChoices);
        Assert.Equal(settings with { Optimizers = null }, back with { Optimizers = null });
    }

    [Fact]
    public void From_DefaultOptimizerSet_ComparesEqualToTheSettingsThatMadeIt()
    {
        var settings = new TuningSettings(SearchOptimizer: true, SearchDropout: true);

        var back = TuningSettings.From(DefinitionLink.Parse(DefinitionLink.ForLesson(settings.Definition()).Split('=')[1])!);

        Assert.Equal(settings, back);
    }

    [Fact]
    public void Validate_DropoutAboveTheLimit_MessageNamesTheDropoutField()
    {
        var settings = new TuningSettings(SearchDropout: true, DropoutLow: 0.2, DropoutHigh: 0.95);

        var error = Assert.Single(Errors(settings));

        Assert.StartsWith("Study.Space.Dropout.High must be at most 0.9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryOptimizerUnticked_MessageNamesTheOptimizersField()
    {
        var settings = TuningSettings.DefaultOptimizers.Aggregate(new TuningSettings(SearchOptimizer: true), (s, k) => s.WithOptimizer(k, false));

        var error = Assert.Single(Errors(settings));

        Assert.Equal("Study.Space.Optimizers must list at least one optimizer.", error);
    }
}
