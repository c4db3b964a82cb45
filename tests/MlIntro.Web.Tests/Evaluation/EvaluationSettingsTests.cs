using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Evaluation;

namespace MlIntro.Web.Tests.Evaluation;

public sealed class EvaluationSettingsTests
{
    private static readonly ExperimentLimits Limits = new() { MaxHiddenLayers = 3, MaxNeuronsPerLayer = 64, MaxEpochs = 1_000 };

    [Theory]
    [InlineData("8,8", 1_001, "Epochs must be between 1 and 1,000 (this server's limit), not 1,001.")]
    [InlineData("8,8", 0, "Epochs must be between 1 and 1,000 (this server's limit), not 0.")]
    [InlineData("8,8,8,8", 10, "At most 3 hidden layers, not 4.")]
    [InlineData("8,65", 10, "Each hidden layer needs 1 to 64 neurons, not 65.")]
    [InlineData("8,0", 10, "Each hidden layer needs 1 to 64 neurons, not 0.")]
    [InlineData("8;8", 10, "Hidden layers must be whole numbers separated by commas, e.g. 8,8.")]
    public void Problem_OutOfLimits_OneSentenceInsteadOfAClamp(string hidden, int epochs, string expected)
    {
        var settings = EvaluationSettings.Default with { Hidden = hidden, Epochs = epochs };

        var problem = settings.Problem(Limits);

        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Problem_WithinLimits_Null()
    {
        var settings = EvaluationSettings.Default with { Hidden = "64,64,64", Epochs = 1_000, EarlyStopping = true, Patience = 3 };

        var problem = settings.Problem(Limits);

        Assert.Null(problem);
    }

    [Fact]
    public void ToDefinition_EarlyStoppingAndBalance_HoldOutValidationAndRoundTrip()
    {
        var settings = new EvaluationSettings(UploadRegistry.Prefix + "abc", "16", 200, 0.003, BalanceClasses: true, EarlyStopping: true, Patience: 7);

        var definition = settings.ToDefinition(EvaluationSettings.DataFor(settings.Data));
        var back = EvaluationSettings.FromDefinition(definition);

        var training = definition.RequiredTraining;
        Assert.True(training.BalanceClasses);
        Assert.True(training.EarlyStopping);
        Assert.Equal(7, training.Patience);
        Assert.Equal(EvaluationSettings.ValidationShare, training.ValidationFraction);
        Assert.Equal(settings, back);
    }

    [Fact]
    public void ToDefinition_NoEarlyStopping_NoValidationHeldOut()
    {
        var definition = EvaluationSettings.Default.ToDefinition(EvaluationSettings.DataFor(GaussTutorialSource.Name));

        Assert.Equal(0, definition.RequiredTraining.ValidationFraction);
        Assert.False(definition.RequiredTraining.BalanceClasses);
    }
}
