using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Tests.Support;

/// <summary>Records the order in which runs start; every run waits for <see cref="Release"/>, then finishes.</summary>
internal sealed class RecordingExecutor : IRunExecutor, IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<string> _started = [];
    private readonly ManualResetEventSlim _released = new();
    private int _finished;

    public IReadOnlyList<string> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public void Execute(ExperimentRun run)
    {
        lock (_gate)
        {
            _started.Add(run.Definition.RequiredData.Name);
        }
        _released.Wait(Patience);
        run.Events.PublishStatus(ExperimentStatus.Finished);
        Interlocked.Increment(ref _finished);
    }

    /// <summary>A run whose definition's Data.Name carries a label, so the executor can record which one started.</summary>
    public static (ExperimentRun Run, RunLog Log) Run(string owner, string label, string? address = null)
    {
        var run = new ExperimentRun(ExperimentIds.New(), Trainer.Definition(label), owner, address);
        return (run, new RunLog(run));
    }

    public void Release() => _released.Set();

    public Task WaitUntilStarted(int count) => WaitUntil(() => Started.Count >= count);

    public Task WaitUntilFinished(int count) => WaitUntil(() => Volatile.Read(ref _finished) >= count);

    public void Dispose()
    {
        _released.Set();
        _released.Dispose();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the scheduler");
            await Task.Delay(5);
        }
    }
}
