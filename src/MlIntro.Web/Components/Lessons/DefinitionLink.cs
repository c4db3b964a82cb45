using System.Buffers.Text;
using System.Text.Json;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Lessons;

/// <summary>Links that carry a whole definition, so "fork" opens the lesson pre-filled.</summary>
public static class DefinitionLink
{
    public const string QueryKey = "d";

    public static string ForLesson(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var path = LessonCatalog.Of(definition.Lesson).Path;
        var encoded = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(definition, ExperimentJson.Options));
        return $"{path}?{QueryKey}={encoded}";
    }

    /// <summary>Reads a definition from a link; null when absent or unreadable (the page then starts from its defaults).</summary>
    public static ExperimentDefinition? Parse(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ExperimentDefinition>(Base64Url.DecodeFromChars(encoded), ExperimentJson.Options);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
