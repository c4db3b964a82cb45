using MlIntro.Core.Data;

namespace MlIntro.Core.Tests.Data;

public sealed class ClassSeparationTests
{
    [Fact]
    public void Separates_WeightThatEncodesTheLabel_True()
    {
        // Physics weights: every signal event 6/4, every background event 1931/4 (as in the file).
        float[] weights = [1.5f, 482.75f, 1.5f, 482.75f, 482.75f, 1.5f, 482.75f, 1.5f];
        int[] labels = [1, 0, 1, 0, 0, 1, 0, 1];

        var separates = ClassSeparation.Separates(weights, labels);

        Assert.True(separates);
    }

    [Fact]
    public void Separates_OneCutBetweenContinuousValues_True()
    {
        float[] values = [0.1f, 3.2f, 0.7f, 2.5f, -1f, 9f];
        int[] labels = [0, 1, 0, 1, 0, 1];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.True(separates);
    }

    [Fact]
    public void Separates_OverlappingClasses_False()
    {
        float[] values = [0.1f, 3.2f, 2.7f, 2.5f, -1f, 9f];
        int[] labels = [0, 1, 0, 1, 0, 1];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.False(separates);
    }

    [Fact]
    public void Separates_OneValueInBothClasses_False()
    {
        // A b-tag flag: 0 or 1 in both classes, the boundary value is shared.
        float[] values = [0, 0, 1, 1];
        int[] labels = [0, 0, 0, 1];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.False(separates);
    }

    [Fact]
    public void Separates_ClassOnBothSidesOfAnother_False()
    {
        // No single cut: background below 1 and above 5, signal between (a mass window is a good feature, not a leak).
        float[] values = [0, 0.5f, 2, 3, 6, 7];
        int[] labels = [0, 0, 1, 1, 0, 0];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.False(separates);
    }

    [Fact]
    public void Separates_ThreeClassesInThreeIntervals_True()
    {
        float[] values = [2, 0, 1, 2.5f, 0.2f, 1.1f];
        int[] labels = [2, 0, 1, 2, 0, 1];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.True(separates);
    }

    [Theory]
    [InlineData(new float[] { 1, 2, float.NaN, 4 })]
    [InlineData(new float[] { 1, 1, 1, 1 })]
    public void Separates_MissingValueOrConstant_False(float[] values)
    {
        int[] labels = [0, 0, 1, 1];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.False(separates);
    }

    [Fact]
    public void Separates_SingleClass_False()
    {
        float[] values = [1, 2, 3];
        int[] labels = [1, 1, 1];

        var separates = ClassSeparation.Separates(values, labels);

        Assert.False(separates);
    }
}
