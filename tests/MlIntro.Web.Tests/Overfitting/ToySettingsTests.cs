using MlIntro.Web.Components.Pages.Overfitting;

namespace MlIntro.Web.Tests.Overfitting;

/// <summary>The toy panel's address: any of its fits' definitions brings the panel's settings back; other runs do not.</summary>
public sealed class ToySettingsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FromDefinition_AnyFitsDefinition_GivesTheSameSettingsBack(bool augmented)
    {
        var settings = new ToySettings(Data: "circle", Points: 480, Noise: 0.2, Epochs: 150);

        var back = ToySettings.FromDefinition(settings.Definition(ToySettings.Fits[1].Model, augmented));

        Assert.Equal(settings, back);
    }

    [Fact]
    public void FromDefinition_LadderOrSweep_IsNotTheToysPanels()
    {
        var ladder = LadderSettings.Default.ToDefinition();
        var sweep = new SweepSettings().ToDefinition();

        Assert.Null(ToySettings.FromDefinition(ladder));
        Assert.Null(ToySettings.FromDefinition(sweep));
    }
}
