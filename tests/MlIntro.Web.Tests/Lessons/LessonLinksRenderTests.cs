using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Layout;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Components.Pages;
using MudBlazor.Services;

namespace MlIntro.Web.Tests.Lessons;

/// <remarks>MudBlazor's services dispose only asynchronously, which xunit 2 does not do for a test class: the context is held, not inherited, and disposed asynchronously.</remarks>
public sealed class LessonLinksRenderTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    private static readonly string[] Available = ["/playground", "/optimizers", "/likelihood", "/evaluation", "/overfitting", "/jets", "/tuning"];

    public LessonLinksRenderTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(TorchSharp.torch.CPU);
        _context.Services.AddSingleton(new ExperimentValidator(new ExperimentLimits(), new MlIntro.Core.Data.DatasetCatalog([])));
        _context.Services.AddScoped<MlIntro.Web.Components.Runs.ForkReader>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Home_EveryLesson_LinksToItsPageInTheLecturesOrder()
    {
        var home = _context.Render<Home>();

        var items = home.FindAll(".lesson");
        var hrefs = home.FindAll(".lesson a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(7, items.Count);
        Assert.Equal(["Playground", "Optimizers", "LikelihoodRatios", "Evaluation", "Overfitting", "Jets", "Tuning"],
            items.Select(i => i.GetAttribute("data-lesson")));
        Assert.Equal(Available, hrefs);
    }

    [Fact]
    public void MainLayout_Menu_LinksEveryLessonInTheLecturesOrder()
    {
        var layout = _context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        var links = layout.FindAll("a.menu-lesson").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(Available, links);
    }

    [Fact]
    public void LessonHeading_Evaluation_ShowsItsLectureNumber()
    {
        var heading = _context.Render<LessonHeading>(p => p.Add(h => h.Lesson, Lesson.Evaluation));

        var text = heading.Find("[data-testid=lesson-heading]").TextContent.Trim();

        Assert.Equal("4 · Evaluating a classifier", text);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
