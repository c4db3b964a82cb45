using MlIntro.Core.Experiments;
using MlIntro.Training.Optimizers;

namespace MlIntro.Web.Components.Pages.Optimizers;

/// <summary>Stored race definitions (a fork from /e/{id}) back into the page's settings.</summary>
public static class RaceDefinitions
{
    /// <summary>A racer with every parameter its kind reads: the stored ones over the defaults.</summary>
    public static RacerSettings Racer(OptimizerSpec optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var parameters = new Dictionary<string, double>(OptimizerPresets.DefaultsFor(optimizer.Kind), StringComparer.Ordinal);
        foreach (var (name, value) in optimizer.Parameters ?? new Dictionary<string, double>())
        {
            parameters[name] = value;
        }
        return new RacerSettings(optimizer.Kind, optimizer.LearningRate, parameters);
    }

    /// <summary>The surface race of a definition that has a <see cref="ExperimentDefinition.Surface"/>.</summary>
    public static RaceSettings SurfaceRace(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var s = definition.Surface ?? throw new ArgumentException("Not a surface race.", nameof(definition));
        var racers = (definition.Race ?? []).Select(r => Racer(r.Optimizer)).ToList();
        return new RaceSettings(s.Formula is null ? s.Name ?? MlIntro.Core.Surfaces.SurfaceCatalog.Lecture : RaceSettings.FormulaSurface, s.Formula, s.StartX, s.StartY, s.Steps, racers);
    }
}
