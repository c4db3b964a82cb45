using MlIntro.Core.Data;
using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Web.Components.Pages.Overfitting;

namespace MlIntro.Web.Tests.Overfitting;

public sealed class LadderSettingsTests
{
    private static readonly ExperimentValidator Validator = new(new ExperimentLimits(), new DatasetCatalog([new HiggsUciSource()]));

    [Fact]
    public void ToDefinition_Defaults_TheSevenRungsOnAThousandHiggsEventsPassTheValidator()
    {
        var definition = LadderSettings.Default.ToDefinition();

        Validator.ValidateOrThrow(definition);
        Assert.Equal(Lesson.Overfitting, definition.Lesson);
        Assert.Equal(CapacityLadder.All.Select(r => r.Name), definition.Ladder!.Select(r => r.Name));
        Assert.Equal((HiggsUciSource.Name, 1000, 0.0), (definition.RequiredData.Name, definition.RequiredData.Points, definition.RequiredData.Noise));
    }

    [Fact]
    public void FromDefinition_AfterToDefinition_GivesTheSameSettingsBack()
    {
        var settings = new LadderSettings(Events: 2500, Noise: 0.2, Epochs: 40, EarlyStopping: true, Patience: 7);

        var back = LadderSettings.FromDefinition(settings.ToDefinition());

        Assert.Equal(settings, back);
    }

    [Fact]
    public void ToDefinition_EventsOutsideTheSlider_ClampedToWhatTheDataAndTheBatchAllow()
    {
        var few = new LadderSettings(Events: 10).ToDefinition();
        var many = new LadderSettings(Events: 1_000_000).ToDefinition();

        Assert.Equal(LadderSettings.MinEvents, few.RequiredData.Points);
        Assert.Equal(LadderSettings.MaxEvents, many.RequiredData.Points);
        Validator.ValidateOrThrow(few);
        Validator.ValidateOrThrow(many);
    }
}
