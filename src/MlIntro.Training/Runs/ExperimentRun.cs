using MlIntro.Core.Experiments;

namespace MlIntro.Training.Runs;

/// <summary>A run in this process: its definition, who started it, how to stop it, and where its events go.</summary>
/// <param name="address">The client address the run counts against (see <see cref="TrainingOptions.MaxRunsPerAddress"/>);
/// null for in-process callers that have none.</param>
public sealed class ExperimentRun(string id, ExperimentDefinition definition, string ownerId, string? address = null) : IDisposable
{
    /// <summary>The message of a run ended by <see cref="Interrupt"/>.</summary>
    public const string InterruptedMessage = "Interrupted by a server stop.";

    private readonly CancellationTokenSource _cancellation = new();
    private int _interrupted;

    public string Id { get; } = id;

    public ExperimentDefinition Definition { get; } = definition;

    public string OwnerId { get; } = ownerId;

    public string? Address { get; } = address;

    /// <summary>When it was started, for its lifetime limits.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when the run goes on after its worker died: the parameters and epoch it starts from.</summary>
    public ModelCheckpoint? ResumeFrom { get; set; }

    public RunBroadcaster Events { get; } = new();

    public RunControl Control { get; } = new();

    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>True once <see cref="Interrupt"/> was called: the run's cancellation then means a server stop.</summary>
    public bool IsInterrupted => Volatile.Read(ref _interrupted) != 0;

    /// <summary>How a run that stopped on its cancellation token ends: Interrupted after <see cref="Interrupt"/>, else Cancelled.</summary>
    public (ExperimentStatus Status, string Message) StoppedOutcome =>
        IsInterrupted ? (ExperimentStatus.Interrupted, InterruptedMessage) : (ExperimentStatus.Cancelled, "Cancelled.");

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

    /// <summary>Stops the run as <see cref="Cancel"/> does, to end as <see cref="ExperimentStatus.Interrupted"/> (the server is stopping).</summary>
    public void Interrupt()
    {
        // Set before cancelling: whoever sees the token fire must already see the flag.
        Interlocked.Exchange(ref _interrupted, 1);
        Cancel();
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        Control.Dispose();
    }
}
