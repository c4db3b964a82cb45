using MlIntro.Core.Experiments;
using static TorchSharp.torch;

namespace MlIntro.Training.Batching;

/// <summary>Writes a <see cref="WeightEdit"/> into one run's weight matrix in the stacked layout ([in, out], unlike Linear's [out, in]).</summary>
internal static class StackedWeights
{
    public static bool Set(Tensor weight, WeightEdit edit)
    {
        if (edit.From >= weight.shape[0] || edit.To >= weight.shape[1])
        {
            return false;
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        weight[edit.From, edit.To].fill_((float)edit.Value);
        return true;
    }
}
