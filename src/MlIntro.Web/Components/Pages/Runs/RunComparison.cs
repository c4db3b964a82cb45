using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Runs;

/// <summary>The definition diff: every setting (as a JSON path) whose value is not the same in all compared runs.</summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<(string Setting, IReadOnlyList<string> Values)> Of(IReadOnlyList<ExperimentDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var flat = definitions.Select(d => Flatten(JsonSerializer.SerializeToNode(d, ExperimentJson.Options))).ToList();
        return [.. flat.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(key => (key, (IReadOnlyList<string>)[.. flat.Select(f => f.GetValueOrDefault(key, "—"))]))
            .Where(row => row.Item2.Distinct().Count() > 1)];
    }

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string>();
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Walk(v, path.Length == 0 ? k : $"{path}.{k}");
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    }
                    break;
                case null:
                    break;
                default:
                    values[path] = n.ToJsonString();
                    break;
            }
        }
        Walk(node, "");
        return values;
    }
}
