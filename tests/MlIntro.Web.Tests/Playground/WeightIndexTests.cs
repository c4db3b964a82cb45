using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Playground;

namespace MlIntro.Web.Tests.Playground;

public sealed class WeightIndexTests
{
    // 3 inputs → 4 → 2 → 1: 12 + 8 + 2 links, each layer [out, in] row-major as the frames and the picture order them.
    private static readonly int[] Sizes = [3, 4, 2, 1];

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(5, 0, 1, 2)]
    [InlineData(11, 0, 3, 2)]
    [InlineData(12, 1, 0, 0)]
    [InlineData(19, 1, 1, 3)]
    [InlineData(21, 2, 0, 1)]
    public void Find_LinkIndex_GivesLayerNeuronAndInput(int index, int layer, int to, int from)
    {
        var edit = WeightIndex.Find(Sizes, index, 1.5);

        Assert.Equal(new WeightEdit(layer, to, from, 1.5), edit);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(22)]
    public void Find_IndexOutsideTheNetwork_GivesNull(int index)
    {
        var edit = WeightIndex.Find(Sizes, index, 1.5);

        Assert.Null(edit);
    }
}
