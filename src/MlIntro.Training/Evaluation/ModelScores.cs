using MlIntro.Training.Models;
using static TorchSharp.torch;

namespace MlIntro.Training.Evaluation;

/// <summary>
/// A classifier's probabilities over a whole split, in chunks (<see cref="EvaluationChunk"/>) so that large sets stay
/// within memory and a big network's pass stops soon after a cancel.
/// </summary>
public static class ModelScores
{
    /// <summary>
    /// Binary: the probability of class 1 per event (sigmoid of the logit). Multi-class: N×K softmax probabilities,
    /// row-major. Call with the model in eval mode.
    /// </summary>
    public static float[] Of(Mlp model, Tensor x, ModelShape shape, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        var rows = (int)x.shape[0];
        var width = shape.IsBinary ? 1 : shape.Classes;
        var scores = new float[rows * width];
        using var noGrad = no_grad();
        var chunk = EvaluationChunk.Rows(model);
        for (var start = 0; start < rows; start += chunk)
        {
            token.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var length = Math.Min(chunk, rows - start);
            var output = model.forward(x.narrow(0, start, length));
            var probabilities = shape.IsBinary ? output.sigmoid() : output.softmax(1);
            probabilities.contiguous().cpu().data<float>().CopyTo(scores, start * width);
        }
        return scores;
    }
}
