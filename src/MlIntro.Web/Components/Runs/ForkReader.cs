using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Components.Runs;

/// <summary>What a fork link gave a lesson page: the definition, or why it could not be used (null when there was no link).</summary>
public sealed record ForkReading(ExperimentDefinition? Definition, string? Problem)
{
    public static readonly ForkReading None = new(null, null);

    public static ForkReading Refused(string problem) => new(null, problem);
}

/// <summary>
/// Reads the definition a fork link (<c>?d=</c>, see <see cref="DefinitionLink"/>) carries for a lesson page, read and
/// validated as the hub reads and validates a Start: anyone can write such a link, and a page that trusted it would
/// fail on the first missing part (HTTP 500) instead of saying what is wrong.
/// </summary>
public sealed class ForkReader(NavigationManager navigation, ExperimentValidator validator)
{
    /// <summary>The link's definition for <paramref name="lesson"/>, or the sentence that says why it was not used.</summary>
    public ForkReading Read(Lesson lesson)
    {
        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        if (!query.TryGetValue(DefinitionLink.QueryKey, out var encoded) || string.IsNullOrEmpty(encoded.ToString()))
        {
            return ForkReading.None;
        }
        try
        {
            return Check(Decode(encoded.ToString()), lesson);
        }
        catch (InvalidExperimentException ex)
        {
            return ForkReading.Refused(ex.Message);
        }
    }

    /// <exception cref="InvalidExperimentException">Not base64url-encoded JSON of a definition.</exception>
    private static ExperimentDefinition? Decode(string encoded)
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
            return ExperimentJson.ReadDefinition(json.RootElement);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new InvalidExperimentException("The link is damaged: it does not hold an experiment definition.", ex);
        }
    }

    private ForkReading Check(ExperimentDefinition? definition, Lesson lesson)
    {
        if (definition is null)
        {
            return ForkReading.Refused("The link holds no experiment definition.");
        }
        var errors = validator.Validate(definition).Errors
            // A fork may name data this server does not hold (an upload of the run's author, the real jets): the
            // lesson page says so itself and asks for the data again.
            .Where(e => e.PropertyName != $"{nameof(ExperimentDefinition.Data)}.{nameof(DataSpec.Name)}")
            .Select(e => e.ErrorMessage).Distinct().ToArray();
        if (errors.Length > 0)
        {
            return ForkReading.Refused(new InvalidExperimentException(errors).Message);
        }
        if (definition.Lesson != lesson)
        {
            return ForkReading.Refused($"The link holds settings of the {LessonCatalog.Of(definition.Lesson).Title} lesson.");
        }
        var race = definition.Surface is not null || definition.Race is not null;
        return race == (lesson == Lesson.Optimizers)
            ? new ForkReading(definition, null)
            : ForkReading.Refused(race ? "Races belong to the Optimizers lesson." : "The Optimizers lesson's links hold a race.");
    }
}
