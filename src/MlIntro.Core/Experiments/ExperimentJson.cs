using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlIntro.Core.Experiments;

/// <summary>The one JSON shape of definitions and events: camelCase, enums as names (the hub, the store and URLs agree).</summary>
public static class ExperimentJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies MlIntro's conventions to options owned by someone else (e.g. SignalR's payload options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter());
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    /// <summary>
    /// Stricter than <see cref="Options"/> (which reads stored definitions as they were written): a JSON null where
    /// the record does not allow one, or a missing required value, is an error instead of a default.
    /// </summary>
    private static JsonSerializerOptions Strict { get; } = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>A definition sent by a client, read strictly; a JSON null gives null (the validator says it is required).</summary>
    /// <remarks>JSON longer than <see cref="ExperimentLimits.MaxDefinitionBytes"/> (as sent, whitespace included) is refused
    /// before it is read into records: its length is known without reading it.</remarks>
    /// <exception cref="InvalidExperimentException">The JSON is too long or cannot be read; the message names the field,
    /// e.g. <c>Optimizer.LearningRate: null is not a number.</c></exception>
    public static ExperimentDefinition? ReadDefinition(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Undefined && JsonMarshal.GetRawUtf8Value(json).Length is var bytes && bytes > ExperimentLimits.MaxDefinitionBytes)
        {
            throw new InvalidExperimentException([DefinitionSizeRules.TooLarge(bytes)]);
        }
        try
        {
            return json.Deserialize<ExperimentDefinition>(Strict);
        }
        catch (JsonException ex)
        {
            throw new InvalidExperimentException([JsonReadError.Describe(json, ex)], ex);
        }
    }
}
