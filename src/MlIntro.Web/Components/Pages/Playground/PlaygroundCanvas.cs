using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.JSInterop;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Pages.Playground;

/// <summary>
/// The Playground's picture drawn by the browser (playground-map.js): the network's shape once, then each frame's
/// weights and biases as raw Float32 bytes, one call at a time. A frame that arrives while one is sent replaces the
/// waiting one, and frames are spaced so that a tab receives at most <see cref="BytesPerSecond"/> of parameters.
/// </summary>
public sealed class PlaygroundCanvas(IJSRuntime js)
{
    /// <summary>Parameter budget per tab: 6 layers of 8 (about 1.6 KB a frame) get 10 frames a second, small nets 20.</summary>
    public const int BytesPerSecond = 16 * 1024;

    private BoundaryFrame? _waiting;
    private int _painting;
    private long _nextSend;

    public Task PaintFeaturesAsync(IReadOnlyList<float[]> images) => NetworkPainter.PaintFeaturesAsync(js, images, CancellationToken.None);

    /// <summary>Tells the browser which network the next frames belong to (its features, activation and layer sizes).</summary>
    /// <param name="owner">A DotNetObjectReference to a page with [JSInvokable] EditWeight(index, value), or null (read-only).</param>
    public Task ConfigureAsync(BrowserNetwork network, object? owner = null) =>
        NetworkPainter.InvokeAsync(js, "mlintro.playground.configure", CancellationToken.None, network, owner);

    /// <summary>Has the browser draw again what it has (the output map after a redraw, the discretize toggle).</summary>
    public Task InvokeAsync(string function, params object?[] args) => NetworkPainter.InvokeAsync(js, "mlintro.playground." + function, CancellationToken.None, args);

    /// <summary>Sends <paramref name="frame"/> unless one is being sent (the newest waiting frame is sent next).</summary>
    public async Task PaintAsync(BoundaryFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Interlocked.Exchange(ref _waiting, frame);
        while (Interlocked.CompareExchange(ref _painting, 1, 0) == 0)
        {
            try
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Volatile.Read(ref _nextSend));
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                if (Interlocked.Exchange(ref _waiting, null) is not { } next)
                {
                    return;
                }
                var bytes = Pack(next);
                if (bytes.Length == 0)
                {
                    return;
                }
                Volatile.Write(ref _nextSend, Stopwatch.GetTimestamp() + bytes.Length * Stopwatch.Frequency / BytesPerSecond);
                await NetworkPainter.InvokeAsync(js, "mlintro.playground.frame", CancellationToken.None, next.Epoch, bytes);
            }
            finally
            {
                Volatile.Write(ref _painting, 0);
            }
        }
    }

    /// <summary>Per layer its weights ([out, in] row-major) then its biases, as little-endian Float32: exact and 4 bytes a number.</summary>
    public static byte[] Pack(BoundaryFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Weights is not { } weights || frame.Biases is not { } biases || weights.Count != biases.Count)
        {
            return [];
        }
        var floats = new List<float>();
        for (var l = 0; l < weights.Count; l++)
        {
            floats.AddRange(weights[l]);
            floats.AddRange(biases[l]);
        }
        return MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(floats)).ToArray();
    }
}
