using Microsoft.JSInterop;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// The live Playground's painting through <see cref="NetworkPainter"/>: a frame is painted by one call at a time,
/// and a frame that arrives while one paints replaces the waiting one instead of queueing behind it.
/// </summary>
public sealed class PlaygroundCanvas(IJSRuntime js)
{
    private BoundaryFrame? _waiting;
    private int _painting;

    public Task PaintFeaturesAsync(IReadOnlyList<float[]> images) => NetworkPainter.PaintFeaturesAsync(js, images, CancellationToken.None);

    /// <summary>Paints <paramref name="frame"/> unless a paint is under way (the newest waiting frame is painted next).</summary>
    public async Task PaintAsync(BoundaryFrame frame, ProblemKind problem)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Interlocked.Exchange(ref _waiting, frame);
        while (Interlocked.CompareExchange(ref _painting, 1, 0) == 0)
        {
            try
            {
                if (Interlocked.Exchange(ref _waiting, null) is not { } next)
                {
                    return;
                }
                await NetworkPainter.PaintAsync(js, next, problem, CancellationToken.None);
            }
            finally
            {
                Volatile.Write(ref _painting, 0);
            }
        }
    }
}
