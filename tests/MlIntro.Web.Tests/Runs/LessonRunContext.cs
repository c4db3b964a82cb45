using MudBlazor.Services;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlIntro.Training;
using MlIntro.Training.Scheduling;
using MlIntro.Web.Components.Runs;
using MlIntro.Web.Hosting;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Runs;

/// <summary>A bUnit context whose lesson runs train on the shared app's real training service.</summary>
internal static class LessonRunContext
{
    /// <param name="pages">Also MudBlazor and loose JS interop, for rendering whole lesson pages (their charts' JS is not run).</param>
    public static BunitContext Create(SharedApp shared, CapturingLogger<LessonRun>? logger = null, bool pages = false)
    {
        var context = new BunitContext();
        if (pages)
        {
            context.Services.AddMudServices();
            context.Services.AddSingleton(shared.Factory.Services.GetRequiredService<MlIntro.Core.Data.DatasetCatalog>());
            context.JSInterop.Mode = JSRuntimeMode.Loose;
        }
        var training = shared.Factory.Services.GetRequiredService<TrainingService>();
        context.Services.AddSingleton(training);
        context.Services.AddSingleton(shared.Factory.Services.GetRequiredService<ITrainingRuns>());
        context.Services.AddSingleton<ILogger<LessonRun>>(logger ?? new CapturingLogger<LessonRun>());
        context.Services.AddSingleton(shared.Factory.Services.GetRequiredService<OwnerPresence>());
        context.Services.AddScoped<PageOwner>();
        // Signed out and without the client cookie's claims: each tab owns its runs, as when cookies are blocked.
        context.AddAuthorization();
        context.Services.AddScoped<CircuitRunPauser>();
        context.Services.AddScoped<LessonRuns>();
        context.Services.AddSingleton(shared.Factory.Services.GetRequiredService<MlIntro.Core.Experiments.ExperimentValidator>());
        context.Services.AddScoped<ForkReader>();
        // Lesson pages do browser work only once interactive, as on a live circuit.
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}

/// <summary>Keeps what was logged, so a test can see that a failure was reported.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
