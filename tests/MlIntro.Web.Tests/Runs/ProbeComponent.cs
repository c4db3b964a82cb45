using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Runs;

namespace MlIntro.Web.Tests.Runs;

/// <summary>The smallest lesson page: it keeps what <see cref="LessonComponentBase"/> applies and renders it.</summary>
public sealed class ProbeComponent : LessonComponentBase
{
    private readonly List<TrainingEvent> _applied = [];

    /// <summary>Throws from Apply at this epoch, to see the failure reach the page.</summary>
    [Parameter]
    public int? FailAtEpoch { get; set; }

    public LessonRun Lesson => Run;

    public int Batches { get; private set; }

    public IReadOnlyList<TrainingEvent> Applied
    {
        get
        {
            lock (_applied)
            {
                return [.. _applied];
            }
        }
    }

    protected override void Apply(TrainingEvent e)
    {
        if (FailAtEpoch is { } failAt && e.Metrics?.Epoch == failAt)
        {
            throw new InvalidOperationException($"probe broke at epoch {FailAtEpoch}");
        }
        lock (_applied)
        {
            _applied.Add(e);
        }
    }

    protected override Task AfterEventsAsync()
    {
        Batches++;
        return base.AfterEventsAsync();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "id", "epoch");
        builder.AddContent(2, Run.Epoch);
        builder.CloseElement();
        builder.OpenElement(3, "p");
        builder.AddAttribute(4, "id", "status");
        builder.AddContent(5, Run.Status?.ToString() ?? "none");
        builder.CloseElement();
        if (Run.Error is { } error)
        {
            builder.OpenElement(6, "p");
            builder.AddAttribute(7, "id", "error");
            builder.AddContent(8, error);
            builder.CloseElement();
        }
    }
}
