using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using MlIntro.Core.Data;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// Settings ⇄ compact query string, in one fixed order, so a shared link rebuilds the same data (seed) and network,
/// and parse → serialize gives back the same string. Unknown or out-of-range values fall back to the defaults.
/// </summary>
public static class PlaygroundUrl
{
    public static string Serialize(PlaygroundSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new (string Key, string Value)[]
        {
            ("dataset", s.Dataset),
            ("noise", Invariant(s.NoisePercent)),
            ("train", Invariant(s.TrainPercent)),
            ("batch", Invariant(s.BatchSize)),
            ("lr", Invariant(s.LearningRate)),
            ("act", s.Activation.ToString().ToLowerInvariant()),
            ("reg", s.Regularization.ToString().ToLowerInvariant()),
            ("rr", Invariant(s.RegularizationRate)),
            ("problem", s.Problem.ToString().ToLowerInvariant()),
            ("net", s.Hidden),
            ("f", s.Features),
            ("opt", s.Optimizer.ToString().ToLowerInvariant()),
            ("dropout", Invariant(s.Dropout)),
            ("es", s.EarlyStopping ? "1" : "0"),
            ("seed", Invariant(s.Seed)),
            ("mom", Invariant(s.Momentum)),
            ("b1", Invariant(s.Beta1)),
            ("b2", Invariant(s.Beta2)),
            ("decay", Invariant(s.Decay)),
        };
        // A view option for teachers, not a training setting: written only when set.
        var hide = s.HideControls ? "&hide=controls" : "";
        return string.Join("&", parts.Select(p => p.Key + "=" + Escape(p.Value))) + hide;
    }

    /// <summary>Percent-encodes, but keeps the sub-delimiters our values use (legal in a query) readable: net=4,2&amp;f=x1,sin(x1).</summary>
    private static string Escape(string value) =>
        Uri.EscapeDataString(value)
            .Replace("%2C", ",", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal)
            .Replace("%28", "(", StringComparison.Ordinal)
            .Replace("%29", ")", StringComparison.Ordinal)
            .Replace("%2A", "*", StringComparison.Ordinal);

    public static PlaygroundSettings Parse(string? query)
    {
        var defaults = new PlaygroundSettings();
        if (string.IsNullOrEmpty(query))
        {
            return defaults;
        }
        var q = QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query);
        string? Get(string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;

        var problem = Enum(Get("problem"), defaults.Problem);
        var sets = problem == ProblemKind.Regression ? PlaygroundSettings.RegressionSets : PlaygroundSettings.ClassificationSets;
        var dataset = Get("dataset") is { } d && (sets.Contains(d) || d.StartsWith("upload:", StringComparison.Ordinal)) ? d : sets[0];
        var features = (Get("f") ?? defaults.Features).Split(',', StringSplitOptions.RemoveEmptyEntries).Where(PlaneFeatures.IsKnown).ToList();
        var hidden = (Get("net") ?? defaults.Hidden).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, 1, 64) : 4)
            .Take(10).ToArray();
        return new PlaygroundSettings(
            dataset,
            Int(Get("noise"), defaults.NoisePercent, 0, 50),
            Int(Get("train"), defaults.TrainPercent, 10, 90),
            Int(Get("batch"), defaults.BatchSize, 1, 30),
            Double(Get("lr"), defaults.LearningRate, 1e-6, 10),
            Enum(Get("act"), defaults.Activation),
            Enum(Get("reg"), defaults.Regularization),
            Double(Get("rr"), defaults.RegularizationRate, 0, 10),
            problem,
            string.Join(",", hidden),
            features.Count == 0 ? defaults.Features : string.Join(",", PlaneFeatures.All.Where(features.Contains)),
            Enum(Get("opt"), defaults.Optimizer),
            Double(Get("dropout"), defaults.Dropout, 0, 0.9),
            Get("es") == "1",
            Int(Get("seed"), defaults.Seed, 0, int.MaxValue),
            Fraction(Get("mom"), defaults.Momentum),
            Fraction(Get("b1"), defaults.Beta1),
            Fraction(Get("b2"), defaults.Beta2),
            Fraction(Get("decay"), defaults.Decay),
            Get("hide") == "controls");
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Int(string? text, int fallback, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : fallback;

    private static double Double(string? text, double fallback, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : fallback;

    /// <summary>Decay rates live in [0, 1) (the optimizer factory refuses 1); anything else is a bad value.</summary>
    private static double Fraction(string? text, double fallback) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and < 1 ? v : fallback;

    private static T Enum<T>(string? text, T fallback)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v : fallback;
}
