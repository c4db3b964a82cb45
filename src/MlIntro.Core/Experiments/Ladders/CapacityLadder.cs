using MlIntro.Core.Data.Sources.Higgs;
using MlIntro.Core.Optimizers;

namespace MlIntro.Core.Experiments.Ladders;

/// <summary>
/// The capacity ladder of TensorFlow's "Overfit and underfit" tutorial (which trains on HIGGS too): Tiny (16), Small
/// (16-16), Medium (64-64-64) and Large (512-512-512-512) ELU networks, then Large with L2, with dropout and with both;
/// Adam at 0.001 with an inverse-time decay that halves the rate after 1,000 epochs, batch 500.
/// </summary>
public static class CapacityLadder
{
    public const string Tiny = "Tiny";
    public const string Small = "Small";
    public const string Medium = "Medium";
    public const string Large = "Large";
    public const string LargeL2 = "Large + L2";
    public const string LargeDropout = "Large + dropout";
    public const string LargeBoth = "Large + L2 + dropout";

    public const int BatchSize = 500;
    public const double LearningRate = 0.001;

    /// <summary>λ of the L2 rungs, in the slide's ½λw² (Keras' l2(0.001) adds λw², twice as much).</summary>
    public const double L2Rate = 0.001;

    public const double DropoutRate = 0.5;

    /// <summary>The share of HIGGS events that may train: 9,884 of the 10,984, the other 1,100 held out (stratified; the validator allows at most 0.9).</summary>
    public const double TrainFraction = 0.9;

    /// <summary>Epochs after which the inverse-time decay has halved the learning rate (the tutorial's 1,000).</summary>
    public const int HalvingEpochs = 1000;

    /// <summary>The four plain networks, smallest first.</summary>
    public static IReadOnlyList<NamedModel> Sizes { get; } =
    [
        new(Tiny, Elu(16)),
        new(Small, Elu(16, 16)),
        new(Medium, Elu(64, 64, 64)),
        new(Large, Elu(512, 512, 512, 512)),
    ];

    /// <summary>The three remedies applied to Large.</summary>
    public static IReadOnlyList<NamedModel> Remedies { get; } =
    [
        new(LargeL2, Elu(512, 512, 512, 512) with { Regularization = Regularization.L2, RegularizationRate = L2Rate }),
        new(LargeDropout, Elu(DropoutRate, 512, 512, 512, 512)),
        new(LargeBoth, Elu(DropoutRate, 512, 512, 512, 512) with { Regularization = Regularization.L2, RegularizationRate = L2Rate }),
    ];

    /// <summary>All seven: the sizes, then the remedies.</summary>
    public static IReadOnlyList<NamedModel> All { get; } = [.. Sizes, .. Remedies];

    /// <summary>
    /// The ladder's run on <paramref name="trainingEvents"/> HIGGS events (a share <paramref name="labelNoise"/> of their
    /// labels flipped), judged on the fixed 1,100 held-out events.
    /// </summary>
    public static ExperimentDefinition Definition(IReadOnlyList<NamedModel> rungs, int trainingEvents, double labelNoise, int epochs, int seed = 1, bool earlyStopping = false, int patience = 20)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        var stepsPerEpoch = Math.Max(1, (int)Math.Ceiling(trainingEvents / (double)BatchSize));
        var decay = 1.0 / (HalvingEpochs * (double)stepsPerEpoch);
        return new ExperimentDefinition(
            Lesson.Overfitting,
            new DataSpec(HiggsUciSource.Name, Points: trainingEvents, Noise: labelNoise, TrainFraction: TrainFraction),
            rungs[0].Model,
            new OptimizerSpec(OptimizerKind.Adam, LearningRate, new Dictionary<string, double> { [OptimizerParameters.InverseTimeDecay] = decay }),
            new TrainingSpec(epochs, Math.Min(BatchSize, trainingEvents), earlyStopping, patience, FrameIntervalMs: 1000),
            seed,
            Ladder: rungs);
    }

    private static ModelSpec Elu(params int[] widths) => new([.. widths.Select(n => new HiddenLayer(n))], Activation.ELU);

    private static ModelSpec Elu(double dropout, params int[] widths) => new([.. widths.Select(n => new HiddenLayer(n, dropout))], Activation.ELU);
}
