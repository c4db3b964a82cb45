using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Lessons;

/// <summary>Hidden layers as the lesson controls type them: widths separated by commas, "8,8".</summary>
public static class HiddenLayerText
{
    public static string Format(IEnumerable<HiddenLayer> layers) =>
        string.Join(",", layers.Select(l => l.Neurons.ToString(CultureInfo.InvariantCulture)));
}
