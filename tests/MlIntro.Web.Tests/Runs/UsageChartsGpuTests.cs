using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlIntro.Core.Tracking;
using MlIntro.Web.Components.Pages.Runs;
using MlIntro.Web.Tests.Widgets;

namespace MlIntro.Web.Tests.Runs;

/// <summary>Issue 13 item 5: GPU utilisation and memory curves appear for runs trained on CUDA, and a CPU server says it has none.</summary>
public sealed class UsageChartsGpuTests : MudChartTest
{
    [Fact]
    public void Render_RunWithGpuReadings_DrawsGpuUtilisationAndMemoryCharts()
    {
        IReadOnlyList<RunUsage> points = [new(0.5, 1000, 0.4, 63, 812.5), new(1.0, 1100, 0.45, 71, 830)];

        var charts = Context.Render<UsageCharts>(p => p.Add(c => c.Runs, [("run A", points)]).Add(c => c.IdPrefix, "u"));

        Assert.NotNull(charts.Find("#u-gpu"));
        Assert.NotNull(charts.Find("#u-gpu-memory"));
        Assert.DoesNotContain("trains on its CPU", charts.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CpuRun_HasNoGpuChartsAndSaysSo()
    {
        IReadOnlyList<RunUsage> points = [new(0.5, 1000, 0.4), new(1.0, 1100, 0.45)];

        var charts = Context.Render<UsageCharts>(p => p.Add(c => c.Runs, [("run A", points)]).Add(c => c.IdPrefix, "u"));

        Assert.Empty(charts.FindAll("#u-gpu"));
        Assert.Contains("This server trains on its CPU: no GPU figures.", charts.Markup, StringComparison.Ordinal);
    }
}
