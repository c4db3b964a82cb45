using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MlIntro.Core.Experiments;

/// <summary>
/// Turns a <see cref="JsonException"/> from reading a definition into a message in the validator's terms: the field
/// path (<c>Optimizer.LearningRate</c>, not <c>$.optimizer.learningRate</c>), the racer it belongs to, the value that
/// was sent and what was expected there.
/// </summary>
internal static partial class JsonReadError
{
    private const int MaxShownValue = 40;

    public static string Describe(JsonElement root, JsonException exception)
    {
        var segments = Segments(exception.Path);
        var missing = MissingProperties(exception.Message);
        if (missing is not null)
        {
            return string.Join(" ", missing.Select(name => $"{Field(root, [.. segments, new(name, null)])} is required."));
        }
        if (segments.Count == 0)
        {
            return $"Definition: {exception.Message}";
        }
        var expected = Expected(TypeAt(segments));
        var sent = ValueAt(root, segments) is { } value ? Shorten(value.GetRawText()) : "the value";
        return expected is null
            ? $"{Field(root, segments)}: {sent} cannot be read."
            : $"{Field(root, segments)}: {sent} is not {expected}.";
    }

    /// <summary>One step of a JSON path: a property name or a list index.</summary>
    private sealed record Segment(string? Name, int? Index);

    private static List<Segment> Segments(string? path)
    {
        var segments = new List<Segment>();
        foreach (Match match in PathSegment().Matches(path ?? ""))
        {
            segments.Add(match.Groups["index"].Success
                ? new Segment(null, int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))
                : new Segment(match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal), null));
        }
        return segments;
    }

    /// <summary><c>Race[2] 'Adam 0.05': Optimizer.Kind</c>: property names as the validator spells them, dictionary keys as sent.</summary>
    private static string Field(JsonElement root, IReadOnlyList<Segment> segments)
    {
        var parts = new List<string>();
        var type = typeof(ExperimentDefinition);
        var prefix = "";
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Index is { } index)
            {
                if (parts.Count == 0)
                {
                    parts.Add("Definition");
                }
                parts[^1] += $"[{index}]";
                if (i == 1 && parts[0] == $"Race[{index}]" && RacerName(root, segments[0], index) is { } racer)
                {
                    prefix = $"Race[{index}] '{racer}': ";
                    parts.Clear();
                }
                type = ElementType(type);
                continue;
            }
            var property = Property(type, segment.Name!);
            parts.Add(property?.Name ?? segment.Name!);
            type = property?.PropertyType ?? ElementType(type);
        }
        return prefix + string.Join(".", parts).Replace(".[", "[", StringComparison.Ordinal);
    }

    private static string? RacerName(JsonElement root, Segment race, int index) =>
        Child(root, race) is { ValueKind: JsonValueKind.Array } racers && index < racers.GetArrayLength()
            && Child(racers[index], new Segment(nameof(NamedOptimizer.Name), null)) is { ValueKind: JsonValueKind.String } name
            ? name.GetString()
            : null;

    private static Type? TypeAt(IReadOnlyList<Segment> segments)
    {
        Type? type = typeof(ExperimentDefinition);
        foreach (var segment in segments)
        {
            type = type is null ? null
                : segment.Index is not null ? ElementType(type)
                : Property(type, segment.Name!)?.PropertyType ?? ElementType(type);
        }
        return type;
    }

    private static string? Expected(Type? type)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return plain switch
        {
            null => null,
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(plain)),
            _ when plain == typeof(double) || plain == typeof(float) => "a number",
            _ when plain == typeof(int) || plain == typeof(long) => "a whole number",
            _ when plain == typeof(bool) => "true or false",
            _ when plain == typeof(string) => "a string",
            _ when plain.IsAssignableTo(typeof(System.Collections.IDictionary)) || DictionaryValueType(plain) is not null => "an object of names and numbers",
            _ when plain.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "a list",
            _ => "an object",
        };
    }

    private static JsonElement? ValueAt(JsonElement root, IReadOnlyList<Segment> segments)
    {
        JsonElement? current = root;
        foreach (var segment in segments)
        {
            current = current is { } element ? Child(element, segment) : null;
        }
        return current;
    }

    private static JsonElement? Child(JsonElement element, Segment segment)
    {
        if (segment.Index is { } index)
        {
            return element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() ? element[index] : null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        // The web defaults read property names case-insensitively; so does this.
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, segment.Name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static PropertyInfo? Property(Type? type, string name) =>
        type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    /// <summary>The item type of a list, or the value type of a dictionary (whose keys are path segments too).</summary>
    private static Type? ElementType(Type? type) =>
        type is null ? null
        : type.IsArray ? type.GetElementType()
        : DictionaryValueType(type) ?? type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))?.GetGenericArguments()[1];

    /// <summary>The names in System.Text.Json's "missing required properties including: 'a', 'b'", or null for other errors.</summary>
    private static string[]? MissingProperties(string message) =>
        message.Contains("missing required properties", StringComparison.Ordinal)
            ? [.. QuotedName().Matches(message[message.IndexOf("including", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)]
            : null;

    private static string Shorten(string raw) => raw.Length <= MaxShownValue ? raw : raw[..MaxShownValue] + "…";

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>(?:[^']|'')*)'\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();
}
