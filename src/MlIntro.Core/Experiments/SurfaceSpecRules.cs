using System.Globalization;
using MlIntro.Core.Surfaces;
using MlIntro.Core.Surfaces.Formulas;

namespace MlIntro.Core.Experiments;

/// <summary>What a <see cref="SurfaceSpec"/> must satisfy: one surface (a catalogue name or a formula, not both) that parses, a start inside its view, steps in range.</summary>
internal static class SurfaceSpecRules
{
    /// <summary>The surface a spec names: a catalogue surface or a parsed formula.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="FormulaException">The formula does not parse.</exception>
    public static ISurface Resolve(SurfaceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.IsNullOrWhiteSpace(spec.Formula) ? SurfaceCatalog.Get(spec.Name ?? "") : SurfaceCatalog.FromFormula(spec.Formula);
    }

    public static IEnumerable<string> Errors(SurfaceSpec spec, int maxSteps)
    {
        if (!string.IsNullOrWhiteSpace(spec.Formula) && !string.IsNullOrWhiteSpace(spec.Name) && spec.Name != SurfaceSpec.FormulaName)
        {
            // Which one would the racers run on? Refuse rather than guess.
            yield return $"Surface.Name ('{spec.Name}') and Surface.Formula are both set: give a catalogue surface or a formula "
                + $"(with Name empty or '{SurfaceSpec.FormulaName}'), not both.";
            yield break;
        }
        var surface = TryResolve(spec, out var error);
        if (error is not null)
        {
            yield return error;
        }
        if (spec.Steps is < 1 or > ExperimentValidator.MaxSurfaceSteps)
        {
            yield return $"Surface.Steps must be between 1 and {ExperimentValidator.MaxSurfaceSteps}.";
        }
        var domain = surface?.Domain ?? SurfaceDomain.Lecture;
        if (!(double.IsFinite(spec.StartX) && double.IsFinite(spec.StartY) && domain.Contains(spec.StartX, spec.StartY)))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Surface.StartX/StartY: the start ({spec.StartX}, {spec.StartY}) must lie inside the surface's view [{domain.Min}, {domain.Max}]².");
        }
    }

    private static ISurface? TryResolve(SurfaceSpec spec, out string? error)
    {
        error = null;
        try
        {
            return Resolve(spec);
        }
        catch (FormulaException ex)
        {
            error = "Surface.Formula: " + ex.Message;
        }
        catch (ArgumentException ex)
        {
            error = "Surface.Name: " + ex.Message;
        }
        return null;
    }
}
