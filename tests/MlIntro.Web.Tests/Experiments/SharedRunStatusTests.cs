using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Experiments;

namespace MlIntro.Web.Tests.Experiments;

public sealed class SharedRunStatusTests
{
    [Theory]
    [InlineData(312, "Stopped by its owner after 312 epochs.")]
    [InlineData(12345, "Stopped by its owner after 12,345 epochs.")]
    [InlineData(1, "Stopped by its owner after 1 epoch.")]
    [InlineData(0, "Stopped by its owner before its first epoch.")]
    public void Of_CancelledRun_SaysItsOwnerStoppedItAfterItsEpochs(int epochs, string expected)
    {
        var status = SharedRunStatus.Of(ExperimentStatus.Cancelled, epochs, "Cancelled.");

        Assert.Equal("Stopped", status.Label);
        Assert.Equal(expected, status.Sentence);
        Assert.False(status.IsProblem);
    }

    [Fact]
    public void Of_CancelledSurfaceRace_HasNoEpochCount()
    {
        var status = SharedRunStatus.Of(ExperimentStatus.Cancelled, null, "Cancelled.");

        Assert.Equal("Stopped by its owner.", status.Sentence);
    }

    [Theory]
    [InlineData(ExperimentStatus.Failed, "Failed", true)]
    [InlineData(ExperimentStatus.Diverged, "Diverged", true)]
    [InlineData(ExperimentStatus.Finished, "Finished", false)]
    public void Of_EndedRun_KeepsItsMessage(ExperimentStatus ended, string label, bool problem)
    {
        var status = SharedRunStatus.Of(ended, 40, "the message");

        Assert.Equal(label, status.Label);
        Assert.Equal("the message", status.Sentence);
        Assert.Equal(problem, status.IsProblem);
    }

    [Theory]
    [InlineData(57, "Interrupted by a server or worker stop after 57 epochs; its owner can resume it, anyone can fork it.")]
    [InlineData(0, "Interrupted by a server or worker stop before its first epoch; its owner can resume it, anyone can fork it.")]
    [InlineData(null, "Interrupted by a server or worker stop; its owner can resume it, anyone can fork it.")]
    public void Of_InterruptedRun_SaysTheServerStoppedItAfterItsEpochs(int? epochs, string expected)
    {
        var status = SharedRunStatus.Of(ExperimentStatus.Interrupted, epochs, "Interrupted by a server stop.");

        Assert.Equal(new SharedRunStatus("Interrupted", expected, false), status);
    }

    [Fact]
    public void Of_RunningRun_ShowsOnlyTheChip()
    {
        var status = SharedRunStatus.Of(ExperimentStatus.Running, 3, null);

        Assert.Equal(new SharedRunStatus("Running", null, false), status);
    }
}
