using MlIntro.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Training.Tests.Optimizers;

/// <summary>Adam's inverse-time decay: the step t (from 1) uses lr / (1 + d·(t − 1)), nothing else changes.</summary>
[Collection("torch")]
public sealed class Tf1AdamDecayTests
{
    [Fact]
    public void Step_WithDecay_EachUpdateIsThePlainUpdateDividedByOnePlusDecayTimesEarlierSteps()
    {
        const double decay = 0.5;
        using var plain = new TorchSharp.Modules.Parameter(tensor(new[] { 1f, -2f }));
        using var decayed = new TorchSharp.Modules.Parameter(tensor(new[] { 1f, -2f }));
        using var plainAdam = new Tf1Adam([plain], 0.1);
        using var decayedAdam = new Tf1Adam([decayed], 0.1, inverseTimeDecay: decay);
        var gradients = new[] { new[] { 0.3f, -0.1f }, new[] { 0.2f, 0.4f }, new[] { -0.5f, 0.1f } };

        for (var t = 1; t <= gradients.Length; t++)
        {
            var before = (Plain: plain.data<float>().ToArray(), Decayed: decayed.data<float>().ToArray());
            plain.grad = tensor(gradients[t - 1]);
            decayed.grad = tensor(gradients[t - 1]);

            plainAdam.Step();
            decayedAdam.Step();

            var plainStep = plain.data<float>().ToArray().Zip(before.Plain, (a, b) => (double)a - b).ToArray();
            var decayedStep = decayed.data<float>().ToArray().Zip(before.Decayed, (a, b) => (double)a - b).ToArray();
            var factor = 1 / (1 + (decay * (t - 1)));
            Assert.Equal(plainStep.Select(s => s * factor), decayedStep, (e, a) => Math.Abs(e - a) < 1e-6);
        }
    }
}
