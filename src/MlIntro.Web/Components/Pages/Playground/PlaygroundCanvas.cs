using Microsoft.JSInterop;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// Paints the network picture in the browser (playground.js): input feature thumbnails once, then each frame's
/// neuron and output thumbnails and weight links in one interop call. A frame is painted by one call at a time, and
/// a frame that arrives while one paints replaces the waiting one instead of queueing.
/// </summary>
public sealed class PlaygroundCanvas(IJSRuntime js)
{
    private BoundaryFrame? _waiting;
    private int _painting;

    public async Task PaintFeaturesAsync(IReadOnlyList<float[]> images) =>
        await Guard(() => js.InvokeVoidAsync("mlintro.paintNeurons", "feature-", images, FeatureImages.Resolution));

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
                var (low, high) = problem == ProblemKind.Regression ? (-1.0, 1.0) : (0.0, 1.0);
                await Guard(() => js.InvokeVoidAsync("mlintro.paintNetwork", new
                {
                    neurons = next.Neurons,
                    neuronResolution = next.NeuronResolution,
                    output = next.Output,
                    resolution = next.Resolution,
                    low,
                    high,
                    weights = next.Weights,
                }));
            }
            finally
            {
                Volatile.Write(ref _painting, 0);
            }
        }
    }

    private static async Task Guard(Func<ValueTask> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The page is closing or reloading; the next frame paints again.
        }
    }
}
