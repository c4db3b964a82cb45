namespace MlIntro.Training.Trees;

/// <summary>Events to grow trees on: features row-major, labels 0/1, and the weights the loss uses (null: all 1; may be negative).</summary>
public sealed record TreeTrainingSet(float[] X, int Columns, int[] Labels, float[]? Weights)
{
    public int Rows => Labels.Length;
}
