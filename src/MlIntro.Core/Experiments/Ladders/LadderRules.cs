using FluentValidation;

namespace MlIntro.Core.Experiments.Ladders;

/// <summary>
/// The overfitting lesson's capacity ladder (<see cref="ExperimentDefinition.Ladder"/>): a few uniquely named rungs, each
/// network checked by the very rules a single run's <see cref="ExperimentDefinition.Model"/> passes, its errors named
/// by rung (<c>Ladder[3] 'Large': Model.HiddenLayers …</c>).
/// </summary>
public sealed class LadderRules : AbstractValidator<ExperimentDefinition>
{
    /// <summary>Rungs per ladder: the lesson's eight, and a few more for a student's own.</summary>
    public const int MaxRungs = 12;

    /// <param name="models">Validates a definition as a single run (the experiment validator itself, without a ladder).</param>
    public LadderRules(Func<ExperimentDefinition, IEnumerable<(string Property, string Message)>> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        When(d => d.Ladder is not null, () =>
        {
            RuleFor(d => d.Ladder!.Count).InclusiveBetween(1, MaxRungs).WithMessage($"Ladder: between 1 and {MaxRungs} models allowed.");
            RuleFor(d => d).Must(d => d.Race is null && d.Surface is null).WithMessage("Ladder: a capacity ladder is not a race: leave Race and Surface empty.");
            RuleFor(d => d.Ladder!).Custom((ladder, context) =>
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < ladder.Count; i++)
                {
                    foreach (var error in RungErrors(ladder[i], i, seen, context.InstanceToValidate, models))
                    {
                        context.AddFailure($"Ladder[{i}]", error);
                    }
                }
            });
        });
    }

    private static IEnumerable<string> RungErrors(
        NamedModel? rung, int index, HashSet<string> seen, ExperimentDefinition definition,
        Func<ExperimentDefinition, IEnumerable<(string Property, string Message)>> models)
    {
        if (rung is null || rung.Model is null)
        {
            yield return $"Ladder[{index}]: a named model is required.";
            yield break;
        }
        var prefix = $"Ladder[{index}] '{rung.Name}': ";
        if (string.IsNullOrWhiteSpace(rung.Name) || rung.Name.Length > ExperimentLimits.MaxNameLength)
        {
            yield return $"Ladder[{index}]: every model needs a name of 1 to {ExperimentLimits.MaxNameLength} characters.";
        }
        else if (!seen.Add(rung.Name))
        {
            yield return prefix + "model names must be unique.";
        }
        foreach (var (property, message) in models(definition with { Model = rung.Model, Ladder = null }))
        {
            if (property.StartsWith(nameof(ExperimentDefinition.Model), StringComparison.Ordinal))
            {
                yield return prefix + message;
            }
        }
    }
}
