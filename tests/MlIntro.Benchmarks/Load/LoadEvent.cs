using MlIntro.Core.Experiments;

namespace MlIntro.Benchmarks.Load;

/// <summary>
/// What a load client reads of a <see cref="TrainingEvent"/>: its kind and order. The JSON reader skips the frames'
/// grids instead of building float arrays, so a hundred clients in one process measure the server, not themselves.
/// </summary>
internal sealed record LoadEvent(long Sequence, TrainingEventKind Kind, ExperimentStatus Status, string? Message = null)
{
    public bool IsTerminal => Kind == TrainingEventKind.Status && Status.IsTerminal();
}
