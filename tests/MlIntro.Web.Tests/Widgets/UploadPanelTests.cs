using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Data.Sources;
using MlIntro.Web.Components.Widgets;
using MudBlazor.Services;

namespace MlIntro.Web.Tests.Widgets;

/// <remarks>MudBlazor's services dispose only asynchronously: the context is held and disposed asynchronously (as in DefinitionTableTests).</remarks>
public sealed class UploadPanelTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly UploadRegistry _registry = new();

    public UploadPanelTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_registry);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static string Csv()
    {
        var text = new StringBuilder("pt,eta,label\n");
        for (var i = 0; i < 30; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i * 1.5},{(i % 5) - 2},{i % 2}\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task Dispose_AfterUse_TheUploadIsFreed()
    {
        UploadedChoice? accepted = null;
        var panel = _context.Render<UploadPanel>(p => p.Add(c => c.RequiredClasses, 2).Add(c => c.Accepted, (UploadedChoice c) => accepted = c));
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Csv(), "events.csv"));
        panel.WaitForElement("[data-testid=upload-use]", TimeSpan.FromSeconds(20)).Click();
        panel.WaitForAssertion(() => Assert.NotNull(accepted), TimeSpan.FromSeconds(20));
        var whileOpen = _registry.Count;

        await _context.DisposeComponentsAsync();

        Assert.Equal(1, whileOpen);
        Assert.Equal(0, _registry.Count);
        Assert.False(_registry.TryGet(UploadRegistry.IdOf(accepted!.CatalogName)!, out _));
    }

    [Fact]
    public void Use_SecondFile_FreesTheFirst()
    {
        var accepted = new List<UploadedChoice>();
        var panel = _context.Render<UploadPanel>(p => p.Add(c => c.Accepted, (UploadedChoice c) => accepted.Add(c)));

        for (var i = 1; i <= 2; i++)
        {
            panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Csv(), $"events{i}.csv"));
            panel.WaitForElement("[data-testid=upload-use]", TimeSpan.FromSeconds(20)).Click();
            panel.WaitForAssertion(() => Assert.Equal(i, accepted.Count), TimeSpan.FromSeconds(20));
        }

        Assert.Equal(1, _registry.Count);
        Assert.True(_registry.TryGet(UploadRegistry.IdOf(accepted[1].CatalogName)!, out _));
    }
}
