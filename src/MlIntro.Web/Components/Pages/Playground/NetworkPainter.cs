using Microsoft.JSInterop;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// Paints <see cref="NetworkEditor"/>'s canvases and links from a boundary frame (playground.js does the pixels), for
/// the live Playground and the shared page alike.
/// </summary>
public static class NetworkPainter
{
    /// <summary>Neuron and output thumbnails and the weight links, in one interop call per frame.</summary>
    public static async Task PaintAsync(IJSRuntime js, BoundaryFrame frame, ProblemKind problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(frame);
        var (low, high) = problem == ProblemKind.Regression ? (-1.0, 1.0) : (0.0, 1.0);
        await InvokeAsync(js, "mlintro.paintNetwork", cancellationToken, new
        {
            neurons = frame.Neurons,
            neuronResolution = frame.NeuronResolution,
            output = frame.Output,
            resolution = frame.Resolution,
            low,
            high,
            weights = frame.Weights,
        });
    }

    /// <summary>The input nodes: each feature drawn over the input square.</summary>
    public static Task PaintFeaturesAsync(IJSRuntime js, double min, double max, CancellationToken cancellationToken) =>
        PaintFeaturesAsync(js, FeatureImages.Of(min, max), cancellationToken);

    /// <summary>The input nodes from images already drawn (see <see cref="FeatureImages.Of"/>).</summary>
    public static Task PaintFeaturesAsync(IJSRuntime js, IReadOnlyList<float[]> images, CancellationToken cancellationToken) =>
        InvokeAsync(js, "mlintro.paintNeurons", cancellationToken, "feature-", images, FeatureImages.Resolution);

    internal static async Task InvokeAsync(IJSRuntime js, string function, CancellationToken cancellationToken, params object?[] args)
    {
        try
        {
            await js.InvokeVoidAsync(function, cancellationToken, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The page is closing or reloading; the next frame paints again.
        }
    }
}
