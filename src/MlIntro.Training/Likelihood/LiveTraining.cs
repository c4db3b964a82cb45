using System.Diagnostics;
using MlIntro.Core.Experiments;
using MlIntro.Training.Runs;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// The epoch loop every network of the lesson goes through: wait for its turn (pause/step), train an epoch, publish its
/// metrics, and every <see cref="TrainingSpec.FrameIntervalMs"/> a live frame. Returns false when the loss left the finite numbers.
/// </summary>
public static class LiveTraining
{
    public static bool Run(
        ExperimentRun run, int epochs, Func<int, EpochMetrics> trainEpoch, Func<int, LikelihoodFrame>? liveFrame, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(trainEpoch);
        var interval = run.Definition.RequiredTraining.FrameIntervalMs;
        var frameClock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            run.Control.WaitForTurn(token);
            var metrics = trainEpoch(epoch);
            run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Epoch, ExperimentStatus.Running, Metrics: metrics));
            if (!double.IsFinite(metrics.TrainLoss))
            {
                return false;
            }
            if (liveFrame is not null && (epoch == epochs || frameClock.ElapsedMilliseconds >= interval))
            {
                Publish(run, liveFrame(epoch));
                frameClock.Restart();
            }
        }
        return true;
    }

    public static void Publish(ExperimentRun run, LikelihoodFrame frame)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Events.Publish(seq => new TrainingEvent(seq, TrainingEventKind.Likelihood, ExperimentStatus.Running, Likelihood: frame));
    }
}
