using MlIntro.Core.Data;

namespace MlIntro.Core.Tests.Data;

public sealed class ClassSeparationTests
{
    /// <summary>Values, labels, and whether thresholds alone can put each class in an interval of its own (worked out by hand).</summary>
    public static TheoryData<string, float[], int[], bool> Cases => new()
    {
        // Physics weights: every signal event 6/4, every background event 1931/4 (the file).
        { "weight encoding the label", [1.5f, 482.75f, 1.5f, 482.75f, 482.75f, 1.5f, 482.75f, 1.5f], [1, 0, 1, 0, 0, 1, 0, 1], true },
        { "one cut between continuous values", [0.1f, 3.2f, 0.7f, 2.5f, -1f, 9f], [0, 1, 0, 1, 0, 1], true },
        { "three classes in three intervals", [2, 0, 1, 2.5f, 0.2f, 1.1f], [2, 0, 1, 2, 0, 1], true },
        { "overlapping classes", [0.1f, 3.2f, 2.7f, 2.5f, -1f, 9f], [0, 1, 0, 1, 0, 1], false },
        // A b-tag flag: 0 or 1 in both classes, the boundary value is shared.
        { "one value in both classes", [0, 0, 1, 1], [0, 0, 0, 1], false },
        // Background below 1 and above 5, signal between: a mass window is a good feature, not a leak.
        { "class on both sides of another", [0, 0.5f, 2, 3, 6, 7], [0, 0, 1, 1, 0, 0], false },
        { "missing value", [1, 2, float.NaN, 4], [0, 0, 1, 1], false },
        { "constant column", [1, 1, 1, 1], [0, 0, 1, 1], false },
        { "single class", [1, 2, 3], [1, 1, 1], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Separates_Case_AsWorkedOutByHand(string name, float[] values, int[] labels, bool expected)
    {
        var separates = ClassSeparation.Separates(values, labels);

        Assert.True(expected == separates, $"{name}: expected {expected}");
    }

    [Fact]
    public void Separates_LabelCountDiffers_Throws()
    {
        float[] values = [1, 2];

        var error = Record.Exception(() => ClassSeparation.Separates(values, [0]));

        Assert.IsType<ArgumentException>(error);
    }
}
