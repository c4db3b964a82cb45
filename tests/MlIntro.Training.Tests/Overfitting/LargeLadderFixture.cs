using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;
using MlIntro.Training.Tests.Support;

namespace MlIntro.Training.Tests.Overfitting;

/// <summary>
/// One ladder run shared by the tests that read it (it takes about 20 s): plain Large beside Large with L2 and dropout,
/// 35 epochs on 1,000 HIGGS training events, judged on the 1,100 held-out ones.
/// </summary>
public sealed class LargeLadderFixture
{
    public const int Events = 1000;
    public const int EpochCount = 35;

    private readonly RunLog _log = LadderRuns.Run(CapacityLadder.Definition(
        [.. CapacityLadder.All.Where(r => r.Name is CapacityLadder.Large or CapacityLadder.LargeBoth)],
        trainingEvents: Events,
        labelNoise: 0,
        epochs: EpochCount));

    public ExperimentStatus Status => _log.Last.Status;

    public EpochMetrics[] Large => LadderRuns.Series(_log, CapacityLadder.Large);

    public EpochMetrics[] LargeBoth => LadderRuns.Series(_log, CapacityLadder.LargeBoth);

    public IReadOnlyList<EpochMetrics> AllEpochs => _log.Epochs;
}
