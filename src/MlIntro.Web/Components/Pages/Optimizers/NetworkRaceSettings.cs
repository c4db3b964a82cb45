using System.Globalization;
using MlIntro.Core.Experiments;
using MlIntro.Training.Optimizers;
using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>The network race's controls, and their definition both ways (a fork link fills the panel).</summary>
/// <param name="Hidden">Hidden layer widths as typed, e.g. "8,8"; unreadable widths become 4, at most six layers of 64.</param>
public sealed record NetworkRaceSettings(string Dataset, string Hidden, int Epochs, IReadOnlyList<RacerSettings> Racers)
{
    public static IReadOnlyList<string> Sets { get; } = ["spiral", "circle", "xor", "gauss"];

    public static NetworkRaceSettings Default { get; } = new("spiral", "8,8", 200,
    [
        RacerSettings.Default(OptimizerKind.GD, 0.1),
        RacerSettings.Default(OptimizerKind.Momentum, 0.01),
        RacerSettings.Default(OptimizerKind.Adagrad, 0.1),
        RacerSettings.Default(OptimizerKind.Adadelta, 1),
        RacerSettings.Default(OptimizerKind.RMSProp, 0.01),
        RacerSettings.Default(OptimizerKind.Adam, 0.01),
        RacerSettings.Default(OptimizerKind.Ftrl, 0.1),
    ]);

    public DataSpec Data => new(Dataset, Points: 500, Noise: 0, TrainFraction: 0.5);

    public ExperimentDefinition ToDefinition()
    {
        var layers = Hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, 1, 64) : 4)
            .Take(6).Select(n => new HiddenLayer(n)).ToArray();
        var race = new RaceSettings("", null, 0, 0, 1, Racers).NamedOptimizers;
        return new ExperimentDefinition(
            Lesson.Optimizers, Data, new ModelSpec(layers, Activation.Tanh), race[0].Optimizer,
            new TrainingSpec(Epochs, BatchSize: 10, FrameIntervalMs: 100), Seed: 1, Race: race);
    }

    public static NetworkRaceSettings FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var hidden = HiddenLayerText.Format(definition.RequiredModel.HiddenLayers);
        var racers = (definition.Race ?? []).Select(r => RaceDefinitions.Racer(r.Optimizer)).ToList();
        return new NetworkRaceSettings(definition.RequiredData.Name, hidden, definition.RequiredTraining.Epochs, racers.Count > 0 ? racers : Default.Racers);
    }
}
