using MlIntro.Core.Metrics;
using MlIntro.Web.Components.Widgets;

namespace MlIntro.Web.Tests.Widgets;

public sealed class RejectionTextTests
{
    [Fact]
    public void Format_NoBackgroundPasses_ShowsAboveTheBackgroundCount()
    {
        // 498 background events all below the 2 signal events: at ε_S = 0.5 nothing of the background is kept.
        var scores = Enumerable.Range(0, 498).Select(i => i / 1000f).Concat([0.9f, 0.95f]).ToArray();
        var labels = Enumerable.Repeat(0, 498).Concat([1, 1]).ToArray();
        var roc = Roc.Binary(scores, labels);

        var text = RejectionText.Format(roc.BackgroundRejectionAt(0.5), roc.NegativeCount);

        Assert.Equal("> 498", text);
    }

    [Fact]
    public void Format_SomeBackgroundPasses_ShowsOneOverEfficiency()
    {
        var text = RejectionText.Format(1 / 0.0032, 1_000);

        Assert.Equal("312.5", text);
    }

    [Fact]
    public void Format_ThousandsOfBackgroundEvents_GroupsDigitsInvariantly()
    {
        var text = RejectionText.Format(double.PositiveInfinity, 166_000);

        Assert.Equal("> 166,000", text);
    }
}
