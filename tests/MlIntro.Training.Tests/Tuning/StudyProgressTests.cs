using MlIntro.Core.Experiments;
using MlIntro.Core.Tuning;
using MlIntro.Training.Runs;
using MlIntro.Training.Tests.Support;
using MlIntro.Training.Tuning;

namespace MlIntro.Training.Tests.Tuning;

/// <summary>A study's progress and ETA count each trial's work once: finished (or pruned) trials whole, training ones by their epochs.</summary>
public sealed class StudyProgressTests
{
    private const int Epochs = 6;

    [Fact]
    public void Train_TrialsOneByOneWithPruning_ReportedWorkMatchesAnIndependentCount()
    {
        var ledger = new Ledger();
        var trials = Enumerable.Range(0, 5).Select(n => new TrialTracker(n, new Dictionary<string, double>(), Trainer.Definition(CircleTestSource.Name, 2))).ToList();
        var finished = new List<TrialRecord>();
        var checks = new List<(int Reported, int Counted, int Training, int CountedTraining)>();
        var context = new StudyContext(
            StudyObjective.ValidationLoss, Epochs, new RungBook(new PruningSpec(ReductionFactor: 2, GracePeriod: 2), Epochs),
            finished.Add,
            running => checks.Add((finished.Count * Epochs + running.EpochsTrained, ledger.Work(Epochs), running.Count, ledger.Training)),
            CancellationToken.None);
        using var study = Trainer.NewRun(Trainer.Definition(CircleTestSource.Name, 2));

        new SingleTrials(new CountingExecutor(ledger), concurrency: 1).Train(study, trials, context);

        Assert.Equal(5, finished.Count);
        Assert.Contains(finished, t => t.State == TrialState.Pruned);
        Assert.Equal(ledger.EpochsPublished, checks.Count);
        Assert.All(checks, c => Assert.Equal((c.Counted, c.CountedTraining), (c.Reported, c.Training)));
    }

    [Fact]
    public void Progress_OneResumedOneFinishedTwoTraining_EtaIsElapsedTimesWorkLeftOverWorkDone()
    {
        using var run = Trainer.NewRun(Trainer.Definition(CircleTestSource.Name, 2));
        var log = new RunLog(run);
        var publisher = new StudyPublisher(run, trialsTotal: 5, epochs: 10);
        publisher.Resumed(Record(0));
        publisher.Trial(Record(1));

        publisher.Progress(new RunningTrials(Count: 2, Epoch: 3, EpochsTrained: 6));

        var progress = Assert.Single(log.Events.Select(e => e.Study?.Progress).OfType<StudyProgress>());
        // By hand: 4 trials of 10 epochs are this run's (one was resumed); done: 1 × 10 + 6 = 16, left 24.
        Assert.Equal((2, 2, 3), (progress.TrialsDone, progress.Training, progress.Epoch));
        Assert.Equal(progress.ElapsedSeconds * 24 / 16, progress.EtaSeconds!.Value, 9);
    }

    private static TrialRecord Record(int number) =>
        new(number, new Dictionary<string, double>(), TrialState.Complete, 0.5, 10, new double[10], new double[10]);

    /// <summary>What the fake executor really trained: epochs per trial, and which trials have returned.</summary>
    private sealed class Ledger
    {
        private readonly Dictionary<string, int> _trained = [];
        private readonly HashSet<string> _ended = [];

        public int EpochsPublished => _trained.Values.Sum();

        public int Training => _trained.Count(p => !_ended.Contains(p.Key));

        public int Work(int epochs) => _trained.Sum(p => _ended.Contains(p.Key) ? epochs : p.Value);

        public void Epoch(string id) => _trained[id] = _trained.GetValueOrDefault(id) + 1;

        public void End(string id) => _ended.Add(id);
    }

    /// <summary>Publishes epochs whose held-out loss grows with the trial's number (so later trials are pruned) until done or stopped.</summary>
    private sealed class CountingExecutor(Ledger ledger) : IRunExecutor
    {
        public void Execute(ExperimentRun run)
        {
            var number = int.Parse(run.Id[(run.Id.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            for (var epoch = 1; epoch <= Epochs && !run.Cancellation.IsCancellationRequested; epoch++)
            {
                ledger.Epoch(run.Id);
                var loss = 1.0 + number - (0.01 * epoch);
                run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running,
                    Metrics: new EpochMetrics(epoch, loss, null, ValidationLoss: loss, ValidationAccuracy: 0.5)));
            }
            ledger.End(run.Id);
            run.Events.PublishStatus(run.Cancellation.IsCancellationRequested ? ExperimentStatus.Cancelled : ExperimentStatus.Finished);
        }
    }
}
