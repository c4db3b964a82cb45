using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Lessons;

/// <summary>What a confusion-matrix view shows of an evaluation frame.</summary>
public static class EvaluationCells
{
    /// <summary>The weighted matrix when the events carry weights, else the counts; null when the frame has neither.</summary>
    public static double[][]? Confusion(EvaluationFrame? frame) =>
        frame?.WeightedConfusion ?? frame?.ConfusionMatrix?.Select(row => row.Select(c => (double)c).ToArray()).ToArray();
}
