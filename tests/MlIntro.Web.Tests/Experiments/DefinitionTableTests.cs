using Bunit;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Widgets;
using MudBlazor.Services;

namespace MlIntro.Web.Tests.Experiments;

/// <remarks>MudBlazor's services dispose only asynchronously, which xunit 2 does not do for a test class: the context is held, not inherited, and disposed asynchronously.</remarks>
public sealed class DefinitionTableTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    private static readonly ExperimentDefinition Playground = new(
        Lesson.Playground,
        new DataSpec("circle", 500, 0, 0.5, ["x1", "x2"]),
        new ModelSpec([new HiddenLayer(4), new HiddenLayer(2)]),
        new OptimizerSpec(OptimizerKind.GD, 0.03),
        new TrainingSpec(100_000, 10));

    public DefinitionTableTests()
    {
        _context.Services.AddMudServices();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Render_WithEpochsTrained_ShowsTrainedOfAsked()
    {
        var table = _context.Render<DefinitionTable>(p => p.Add(t => t.Definition, Playground).Add(t => t.EpochsTrained, 312));

        var epochs = table.Find("[data-testid=definition-epochs]").TextContent;

        Assert.Equal("312 of 100,000 asked", epochs);
    }

    [Fact]
    public void Render_WithoutEpochsTrained_ShowsOnlyTheAskedNumber()
    {
        var table = _context.Render<DefinitionTable>(p => p.Add(t => t.Definition, Playground));

        var epochs = table.Find("[data-testid=definition-epochs]").TextContent;

        Assert.Equal("100,000 asked", epochs);
        Assert.DoesNotContain("100000", table.Markup, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
