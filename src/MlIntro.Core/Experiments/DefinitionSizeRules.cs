using System.Globalization;
using System.Text.Json;

namespace MlIntro.Core.Experiments;

/// <summary>
/// Size limits checked at the door, before any other rule: every name and free text, every list and the whole
/// definition as stored. They run first because the other rules echo names into their messages (and logs), walk
/// lists item by item, and the store writes racer names into every epoch row: a megabyte must be refused before
/// any of that, with a message that names the field and the limit but never repeats the oversized value.
/// </summary>
internal static class DefinitionSizeRules
{
    /// <summary>Cheap checks first (lengths and counts); the JSON size only once they pass, so serializing stays bounded.</summary>
    public static IReadOnlyList<string> Errors(ExperimentDefinition definition)
    {
        var errors = new List<string>();
        if (definition.Data is { } data)
        {
            Name(errors, "Data.Name", data.Name);
            if (Count(errors, "Data.Features", data.Features?.Count, ExperimentLimits.MaxFeatures, "names") && data.Features is { } features)
            {
                for (var i = 0; i < features.Count; i++)
                {
                    Name(errors, $"Data.Features[{i}]", features[i]);
                }
            }
        }
        if (definition.Optimizer is { } optimizer)
        {
            Parameters(errors, "Optimizer.Parameters", optimizer);
        }
        if (definition.Race is { Count: > ExperimentValidator.MaxRacers })
        {
            errors.Add(ExperimentValidator.TooManyRacers);
        }
        else if (definition.Race is { } race)
        {
            for (var i = 0; i < race.Count; i++)
            {
                Name(errors, $"Race[{i}].Name", race[i]?.Name);
                if (race[i]?.Optimizer is { } racer)
                {
                    Parameters(errors, $"Race[{i}].Optimizer.Parameters", racer);
                }
            }
        }
        if (definition.Surface is { } surface)
        {
            Name(errors, "Surface.Name", surface.Name);
            Text(errors, "Surface.Formula", surface.Formula, ExperimentLimits.MaxFormulaLength);
        }
        if (errors.Count == 0)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(definition, ExperimentJson.Options).Length;
            if (bytes > ExperimentLimits.MaxDefinitionBytes)
            {
                errors.Add(TooLarge(bytes));
            }
        }
        return errors;
    }

    /// <summary>"Definition is 950,131 bytes of JSON; the limit is 16,384."</summary>
    public static string TooLarge(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"Definition is {bytes:N0} bytes of JSON; the limit is {ExperimentLimits.MaxDefinitionBytes:N0}.");

    private static void Parameters(List<string> errors, string field, OptimizerSpec optimizer)
    {
        if (Count(errors, field, optimizer.Parameters?.Count, ExperimentLimits.MaxParametersPerOptimizer, "entries") && optimizer.Parameters is { } parameters)
        {
            var index = 0;
            foreach (var key in parameters.Keys)
            {
                // The key itself cannot name the field: it is what is too long.
                Text(errors, $"{field} key #{index + 1}", key, ExperimentLimits.MaxNameLength);
                index++;
            }
        }
    }

    private static void Name(List<string> errors, string field, string? value) => Text(errors, field, value, ExperimentLimits.MaxNameLength);

    private static void Text(List<string> errors, string field, string? value, int limit)
    {
        if (value is { Length: var length } && length > limit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} is {length:N0} characters; the limit is {limit}."));
        }
    }

    /// <returns>True when the list is absent or within <paramref name="limit"/>, so that its items are worth checking.</returns>
    private static bool Count(List<string> errors, string field, int? count, int limit, string items)
    {
        if (count > limit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} has {count:N0} {items}; the limit is {limit}."));
            return false;
        }
        return true;
    }
}
