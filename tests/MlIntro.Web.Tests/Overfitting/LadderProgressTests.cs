using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Overfitting;

namespace MlIntro.Web.Tests.Overfitting;

/// <summary>The ladder's progress follows its slowest model; a model that ended early counts as done.</summary>
public sealed class LadderProgressTests
{
    private const int Epochs = 10;

    private static LadderProgress Progress(params EpochMetrics[] metrics)
    {
        var progress = new LadderProgress();
        progress.Reset(models: 2, Epochs);
        foreach (var m in metrics)
        {
            progress.Record(m);
        }
        return progress;
    }

    [Fact]
    public void Record_OneModelDivergedAtEpochThreeTheOtherFinished_OneHundredPercent()
    {
        var progress = Progress(
            new EpochMetrics(3, double.NaN, double.NaN, Series: "Large"),
            new EpochMetrics(Epochs, 0.5, 0.6, Series: "Tiny"));

        Assert.Equal(Epochs, progress.SlowestEpoch);
        Assert.Equal(100, progress.Percent);
    }

    [Fact]
    public void Record_HeldOutLossInfinite_CountsAsDone()
    {
        var progress = Progress(
            new EpochMetrics(4, 0.7, double.PositiveInfinity, Series: "Large"),
            new EpochMetrics(Epochs, 0.5, 0.6, Series: "Tiny"));

        Assert.Equal(100, progress.Percent);
    }

    [Fact]
    public void Record_OneModelEarlyStoppedTheOtherAtEpochSix_SixtyPercent()
    {
        var progress = Progress(
            new EpochMetrics(5, 0.4, 0.7, Series: "Large", RestoredEpoch: 2),
            new EpochMetrics(6, 0.5, 0.6, Series: "Tiny"));

        Assert.Equal(6, progress.SlowestEpoch);
        Assert.Equal(60, progress.Percent);
    }

    [Fact]
    public void Record_OnlyOneOfTwoModelsReported_NoProgressYet()
    {
        var progress = Progress(new EpochMetrics(7, 0.5, 0.6, Series: "Tiny"));

        Assert.Equal(0, progress.SlowestEpoch);
        Assert.Equal(0, progress.Percent);
        Assert.Equal(1, progress.Started);
    }
}
