using MlIntro.Core.Experiments;

namespace MlIntro.Training.Runs;

/// <summary>A run in this process: its definition, who started it, how to stop it, and where its events go.</summary>
/// <param name="address">The client address the run counts against (see <see cref="TrainingOptions.MaxRunsPerAddress"/>);
/// null for in-process callers that have none.</param>
public sealed class ExperimentRun(string id, ExperimentDefinition definition, string ownerId, string? address = null) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    public string Id { get; } = id;

    public ExperimentDefinition Definition { get; } = definition;

    public string OwnerId { get; } = ownerId;

    public string? Address { get; } = address;

    /// <summary>When it was started, for its lifetime limits.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public RunBroadcaster Events { get; } = new();

    public RunControl Control { get; } = new();

    public CancellationToken Cancellation => _cancellation.Token;

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished and cleaned up: nothing to cancel
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        Control.Dispose();
    }
}
