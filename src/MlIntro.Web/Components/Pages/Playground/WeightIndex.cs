using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>The network picture's links in order (layer by layer, each [out, in] row-major) mapped to weight coordinates.</summary>
public static class WeightIndex
{
    /// <param name="sizes">Inputs, hidden widths, outputs.</param>
    /// <returns>The edit of link <paramref name="index"/>, or null when there is no such link.</returns>
    public static WeightEdit? Find(IReadOnlyList<int> sizes, int index, double value)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (index < 0)
        {
            return null;
        }
        for (var layer = 0; layer + 1 < sizes.Count; layer++)
        {
            var count = sizes[layer] * sizes[layer + 1];
            if (index < count)
            {
                return new WeightEdit(layer, index / sizes[layer], index % sizes[layer], value);
            }
            index -= count;
        }
        return null;
    }
}
