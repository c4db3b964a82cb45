using System.Globalization;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;
using MlIntro.Training.Optimizers;
using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// A stored Playground definition back into the page's settings: the inverse of <see cref="PlaygroundSettings.ToDefinition"/>
/// (the epochs asked for are not a setting). Used by the shared page's network picture and by the Playground's fork.
/// </summary>
public static class PlaygroundDefinitions
{
    /// <summary>What a definition does not carry (another optimizer's parameters) keeps the page's default.</summary>
    private static readonly PlaygroundSettings Defaults = new();

    public static PlaygroundSettings ToSettings(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (data, model, optimizer) = (definition.RequiredData, definition.RequiredModel, definition.RequiredOptimizer);
        var features = data.Features is { Count: > 0 } f ? f : PlaneFeatures.Default;
        return new PlaygroundSettings(
            data.Name,
            Percent(data.Noise),
            Percent(data.TrainFraction),
            definition.RequiredTraining.BatchSize,
            optimizer.LearningRate,
            model.Activation,
            model.Regularization,
            model.RegularizationRate,
            model.Problem,
            HiddenLayerText.Format(model.HiddenLayers),
            string.Join(",", features),
            optimizer.Kind,
            // The Playground applies one dropout rate to every hidden layer.
            model.HiddenLayers.Count == 0 ? Defaults.Dropout : model.HiddenLayers[0].Dropout,
            definition.RequiredTraining.EarlyStopping,
            definition.Seed,
            optimizer.Parameter(OptimizerParameterNames.Momentum, Defaults.Momentum),
            optimizer.Parameter(OptimizerParameterNames.Beta1, Defaults.Beta1),
            optimizer.Parameter(OptimizerParameterNames.Beta2, Defaults.Beta2),
            optimizer.Parameter(OptimizerParameterNames.Decay, Defaults.Decay));
    }

    /// <summary>Noise and train share are whole percents on the page; rounding undoes the division by 100 exactly.</summary>
    private static int Percent(double fraction) => (int)Math.Round(fraction * 100, MidpointRounding.AwayFromZero);
}
