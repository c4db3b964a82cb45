using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Pages.Overfitting;
using MlIntro.Web.Tests.Infrastructure;
using MlIntro.Web.Tests.Runs;

namespace MlIntro.Web.Tests.Overfitting;

/// <summary>/overfitting rendered whole, its ladder trained by the shared app's real training service.</summary>
[Collection(HubTestGroup.Name)]
public sealed class OverfittingPageTests(SharedApp shared)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static string Text(IRenderedComponent<OverfittingPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    private static AngleSharp.Dom.IElement EventsSlider(IRenderedComponent<OverfittingPage> page) =>
        page.Find("input[type=range][data-testid=events-slider]");

    [Fact]
    public async Task EventsSlider_MovedToItsLastStop_ShowsAllEventsAndTheForkLinkBringsThemBack()
    {
        await using var context = LessonRunContext.Create(shared, pages: true);
        var page = context.Render<OverfittingPage>();

        await EventsSlider(page).InputAsync(new() { Value = (LadderSettings.EventStops.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var link = DefinitionLink.ForLesson(new LadderSettings(Events: 9_884).ToDefinition());
        await using var forked = LessonRunContext.Create(shared, pages: true);
        forked.Services.GetRequiredService<BunitNavigationManager>().NavigateTo(link);
        var reopened = forked.Render<OverfittingPage>();

        Assert.Equal("9,884", Text(page, "events"));
        Assert.Contains("9,884 training events", Text(page, "data-label"), StringComparison.Ordinal);
        Assert.Equal("9,884", Text(reopened, "events"));
        Assert.Equal("19", EventsSlider(reopened).GetAttribute("value"));
    }

    [Fact]
    public async Task Stop_RunningLadder_EndsItCancelledAndThePageSaysSo()
    {
        using var timeout = HubClient.Timeout(120);
        await using var context = LessonRunContext.Create(shared, pages: true);
        var page = context.Render<OverfittingPage>();
        await page.Find("[data-testid=train]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.StartsWith("loading the events", Text(page, "status"), StringComparison.Ordinal), Wait);
        var id = page.Find("[data-testid=results-link]").GetAttribute("href")!.Split('/')[^1];

        await page.Find("[data-testid=stop]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("cancelled", Text(page, "status")), Wait);

        var status = ExperimentStatus.Queued;
        await foreach (var e in shared.Factory.Services.GetRequiredService<TrainingService>().WatchAsync(id, timeout.Token))
        {
            status = e.Status;
        }
        Assert.Equal(ExperimentStatus.Cancelled, status);
        Assert.False(page.Find("[data-testid=train]").HasAttribute("disabled"));
        Assert.True(page.Find("[data-testid=stop]").HasAttribute("disabled"));
        Assert.Equal("Train the ladder", Text(page, "train"));
    }

    [Fact]
    public async Task Render_LessonTexts_QuoteTheFiguresOfTheNetworksAndTheSplit()
    {
        await using var context = LessonRunContext.Create(shared, pages: true);

        var page = context.Render<OverfittingPage>();

        // By hand: 28-1-1-1 has (28+1)·1 + (1+1)·1 + (1+1) = 33 parameters; 28-512-512-1 has 29·512 + 513·512 + 513 = 278,017.
        Assert.Equal("33 to 278,017", Text(page, "sweep-parameters"));
        // Large, 28-512-512-512-512-1, weights only: 28·512 + 3·512² + 512 = 801,280.
        Assert.Equal("801,280", Text(page, "large-weights"));
        // The data's own README: 10,984 events; a tenth of each class held out.
        Assert.Equal("1,100", Text(page, "held-out"));
        Assert.Equal("9,884", Text(page, "training-pool"));
    }
}
