using MlIntro.Core.Likelihood;

namespace MlIntro.Training.Likelihood;

/// <summary>
/// What a likelihood run learns from: source (class 0, p0) and target (class 1, p1) events for training and, drawn
/// independently, for testing, each with weights; the exact ln r of every test event; the toy when there is one (so
/// the ratio can be drawn along a line).
/// </summary>
public sealed record RatioProblem(
    string[] Features,
    WeightedSet Train,
    float[] TestSource,
    float[] TestSourceWeights,
    float[] TestTarget,
    float[] TestTargetWeights,
    double[] TestSourceExact,
    double[] TestTargetExact,
    string Description,
    ToyPair? Toy = null,
    Func<double, double>? ExactLogRatioAt = null,
    double LineMin = -3,
    double LineMax = 3)
{
    public int Dimension => Features.Length;

    /// <summary>Test events of both classes (source first) as one set.</summary>
    public WeightedSet Test => WeightedSet.Classes(TestSource, TestSourceWeights, TestTarget, TestTargetWeights, Dimension);

    /// <summary>Exact ln r of the test events in <see cref="Test"/>'s order.</summary>
    public double[] TestExact => [.. TestSourceExact, .. TestTargetExact];
}
