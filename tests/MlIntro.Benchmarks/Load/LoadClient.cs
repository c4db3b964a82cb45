using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MlIntro.Core.Experiments;
using MlIntro.Web.Hubs;

namespace MlIntro.Benchmarks.Load;

/// <summary>One student's hub client over WebSockets: Start a run, Watch it until the window closes, Cancel it.</summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private volatile string? _closedWith;
    private volatile bool _stopping;

    public LoadClient(Uri hubUrl)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddJsonProtocol(o => ExperimentJson.Configure(o.PayloadSerializerOptions))
            .Build();
        _connection.Closed += error =>
        {
            if (!_stopping)
            {
                _closedWith = error?.Message ?? "closed by the server without an error";
            }
            return Task.CompletedTask;
        };
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);

    /// <summary>Starts <paramref name="definition"/> and watches it until <paramref name="windowEnd"/> fires.</summary>
    public async Task<ClientFigures> RunAsync(ExperimentDefinition definition, CancellationToken windowEnd, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string id;
        try
        {
            id = await _connection.InvokeAsync<string>(nameof(TrainingHub.Start), definition, cancellationToken);
        }
        catch (HubException ex)
        {
            return new ClientFigures(ex.Message, clock.Elapsed.TotalMilliseconds, double.NaN, 0, 0, double.NaN, double.NaN, _closedWith, null);
        }
        var startMs = clock.Elapsed.TotalMilliseconds;
        double? firstEvent = null;
        double? firstEpoch = null;
        var lastArrival = 0.0;
        var worstGap = 0.0;
        var worstGapEnded = double.NaN;
        var epochs = 0;
        string? streamError = null;
        try
        {
            await foreach (var e in _connection.StreamAsync<LoadEvent>(nameof(TrainingHub.Watch), id, windowEnd))
            {
                var now = clock.Elapsed.TotalMilliseconds;
                firstEvent ??= now;
                if (firstEpoch is not null && now - lastArrival > worstGap)
                {
                    (worstGap, worstGapEnded) = (now - lastArrival, now);
                }
                lastArrival = now;
                if (e.Kind == TrainingEventKind.Epoch)
                {
                    firstEpoch ??= now;
                    epochs++;
                }
                if (e.IsTerminal)
                {
                    streamError = $"run ended {e.Status}: {e.Message}";
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (windowEnd.IsCancellationRequested)
        {
            // the window is over
        }
#pragma warning disable CA1031 // Whatever broke the stream is a finding to report, not a reason to stop the round.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            streamError = ex.GetType().Name + ": " + ex.Message;
        }
        var end = clock.Elapsed.TotalMilliseconds;
        if (firstEpoch is not null && end - lastArrival > worstGap)
        {
            (worstGap, worstGapEnded) = (end - lastArrival, end);
        }
        await CancelAsync(id);
        var seconds = firstEpoch is null ? double.NaN : (end - firstEpoch.Value) / 1000;
        return new ClientFigures(null, startMs, firstEvent ?? double.NaN, epochs, epochs / seconds,
            firstEpoch is null ? double.NaN : worstGap, worstGapEnded, _closedWith, streamError);
    }

    /// <summary>Starts a run and cancels it at once: how long Start takes to answer while other runs train and record.</summary>
    public async Task<double> StartAndCancelAsync(ExperimentDefinition definition, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var id = await _connection.InvokeAsync<string>(nameof(TrainingHub.Start), definition, cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await CancelAsync(id);
        return elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await _connection.DisposeAsync();
    }

    /// <summary>Hub runs outlive their connection: cancel, so the next round starts on an idle server.</summary>
    private async Task CancelAsync(string id)
    {
        if (_connection.State != HubConnectionState.Connected)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _connection.InvokeAsync<bool>(nameof(TrainingHub.Cancel), id, timeout.Token);
        }
#pragma warning disable CA1031 // Cancelling is cleanup; a failure shows in the next round's figures.
        catch (Exception)
#pragma warning restore CA1031
        {
            // the server restarts for the next round anyway
        }
    }
}
