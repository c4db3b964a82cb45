using MlIntro.Core.Experiments;
using MlIntro.Training.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlIntro.Training.Tests.Optimizers;

/// <summary>
/// The shared update rules on hand-computed cases, against torch's SGD where torch has the rule, and stacked
/// ([K, 1, 1] hyperparameters) against the same rule applied to each run alone.
/// </summary>
[Collection("torch")]
public sealed class UpdateRulesTests
{
    private static readonly double[] Start = [1.0, -2.0];
    private static readonly double[][] Gradients = [[0.5, 0.25], [-1.0, 0.75], [0.125, -0.5]];

    [Fact]
    public void GradientDescent_HandCase_SubtractsLearningRateTimesGradient()
    {
        using var scope = NewDisposeScope();
        var w = tensor(Start);

        UpdateRules.GradientDescent(w, tensor(Gradients[0]), tensor(0.1));

        Assert.Equal([1.0 - 0.05, -2.0 - 0.025], w.data<double>().ToArray(), Tolerance(1e-15));
    }

    [Fact]
    public void Momentum_ThreeSteps_MatchesTheAccumulatorByHand()
    {
        const double lr = 0.1;
        const double mu = 0.9;
        var expected = (double[])Start.Clone();
        var accumulator = new double[2];
        foreach (var g in Gradients)
        {
            for (var i = 0; i < 2; i++)
            {
                accumulator[i] = (mu * accumulator[i]) + g[i];
                expected[i] -= lr * accumulator[i];
            }
        }
        using var scope = NewDisposeScope();
        var w = tensor(Start);
        var slot = zeros(2, float64);

        foreach (var g in Gradients)
        {
            UpdateRules.Momentum(w, tensor(g), slot, tensor(lr), tensor(mu));
        }

        Assert.Equal(expected, w.data<double>().ToArray(), Tolerance(1e-15));
    }

    [Fact]
    public void Adam_ThreeSteps_MatchesTf1AdamByHand()
    {
        const double lr = 0.05;
        const double beta1 = 0.8;
        const double beta2 = 0.99;
        const double epsilon = 1e-3;
        var expected = (double[])Start.Clone();
        double[] m = [0, 0];
        double[] v = [0, 0];
        for (var t = 1; t <= Gradients.Length; t++)
        {
            var g = Gradients[t - 1];
            var stepSize = lr * Math.Sqrt(1 - Math.Pow(beta2, t)) / (1 - Math.Pow(beta1, t));
            for (var i = 0; i < 2; i++)
            {
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g[i]);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g[i] * g[i]);
                expected[i] -= stepSize * m[i] / (Math.Sqrt(v[i]) + epsilon);
            }
        }
        using var scope = NewDisposeScope();
        var w = tensor(Start);
        var mSlot = zeros(2, float64);
        var vSlot = zeros(2, float64);

        for (var t = 1; t <= Gradients.Length; t++)
        {
            var stepSize = tensor(UpdateRules.AdamStepSize(lr, beta1, beta2, t));
            UpdateRules.Adam(w, tensor(Gradients[t - 1]), mSlot, vSlot, stepSize, tensor(1 - beta1), tensor(1 - beta2), tensor(epsilon));
        }

        Assert.Equal(expected, w.data<double>().ToArray(), Tolerance(1e-14));
    }

    [Theory]
    [InlineData(OptimizerKind.GD, 0.0, 0.0)]
    [InlineData(OptimizerKind.GD, 0.0, 0.3)]
    [InlineData(OptimizerKind.Momentum, 0.9, 0.0)]
    [InlineData(OptimizerKind.Momentum, 0.5, 0.3)]
    public void PerRunOptimizer_FiveStepsInFloat32_EqualsTorchSgd(OptimizerKind kind, double momentum, double weightDecay)
    {
        const double lr = 0.1;
        var parameters = new Dictionary<string, double> { ["weightDecay"] = weightDecay };
        if (kind == OptimizerKind.Momentum)
        {
            parameters["momentum"] = momentum;
        }
        var spec = new OptimizerSpec(kind, lr, parameters);
        using var ours = new Parameter(tensor(new[] { 1.0f, -2.0f, 0.5f }));
        using var theirs = new Parameter(tensor(new[] { 1.0f, -2.0f, 0.5f }));
        using var optimizer = OptimizerFactory.Create(spec, [ours]);
        using var sgd = optim.SGD([theirs], lr, momentum: momentum, weight_decay: weightDecay);

        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            foreach (var (parameter, zero, update) in new (Parameter, Action, Action)[]
                { (ours, optimizer.ZeroGrad, optimizer.Step), (theirs, sgd.zero_grad, () => sgd.step()) })
            {
                zero();
                (parameter.pow(3).sum() + parameter.sin().sum()).backward();
                update();
            }
        }

        using var ourValues = ours.detach().cpu();
        using var theirValues = theirs.detach().cpu();
        Assert.Equal(theirValues.data<float>().ToArray(), ourValues.data<float>().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-6f);
    }

    [Theory]
    [InlineData(OptimizerKind.GD)]
    [InlineData(OptimizerKind.Momentum)]
    [InlineData(OptimizerKind.Adam)]
    public void Rule_StackedHyperparameters_UpdateEachRunAsAlone(OptimizerKind kind)
    {
        double[] lrs = [0.1, 0.03];
        double[] mus = [0.9, 0.5];
        double[] beta1s = [0.9, 0.7];
        double[] beta2s = [0.999, 0.9];
        double[] epsilons = [1e-8, 1e-2];
        using var scope = NewDisposeScope();
        var start = arange(12, float64).view(2, 2, 3).sub(5).div(4);
        var gradients = new[] { start.cos(), start.sin().mul(2), start.square().neg() };
        var stacked = start.clone();
        var stackedSlots = new[] { zeros_like(start), zeros_like(start) };
        Tensor PerRun(double[] values) => tensor(values).view(2, 1, 1);
        var alone = Enumerable.Range(0, 2).Select(k => start[k].clone()).ToArray();
        var aloneSlots = Enumerable.Range(0, 2).Select(k => new[] { zeros_like(start[k]), zeros_like(start[k]) }).ToArray();

        for (var t = 1; t <= gradients.Length; t++)
        {
            var g = gradients[t - 1];
            var steps = Enumerable.Range(0, 2).Select(k => UpdateRules.AdamStepSize(lrs[k], beta1s[k], beta2s[k], t)).ToArray();
            Apply(kind, stacked, g, stackedSlots, PerRun(lrs), PerRun(mus), PerRun(steps),
                PerRun([.. beta1s.Select(b => 1 - b)]), PerRun([.. beta2s.Select(b => 1 - b)]), PerRun(epsilons));
            for (var k = 0; k < 2; k++)
            {
                Apply(kind, alone[k], g[k], aloneSlots[k], tensor(lrs[k]), tensor(mus[k]), tensor(steps[k]),
                    tensor(1 - beta1s[k]), tensor(1 - beta2s[k]), tensor(epsilons[k]));
            }
        }

        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(alone[k].data<double>().ToArray(), stacked[k].contiguous().data<double>().ToArray(), Tolerance(1e-15));
        }
        Assert.NotEqual(start[0].data<double>().ToArray(), stacked[0].contiguous().data<double>().ToArray());
    }

    [Fact]
    public void AdamStepSize_FirstStep_IsLearningRateTimesRootOneMinusBeta2OverOneMinusBeta1()
    {
        var expected = 0.05 * Math.Sqrt(1 - 0.999) / (1 - 0.9);

        var actual = UpdateRules.AdamStepSize(0.05, 0.9, 0.999, 1);

        Assert.Equal(expected, actual, 15);
    }

    private static void Apply(
        OptimizerKind kind, Tensor parameter, Tensor gradient, Tensor[] slots, Tensor lr, Tensor mu, Tensor stepSize,
        Tensor oneMinusBeta1, Tensor oneMinusBeta2, Tensor epsilon)
    {
        switch (kind)
        {
            case OptimizerKind.GD:
                UpdateRules.GradientDescent(parameter, gradient, lr);
                break;
            case OptimizerKind.Momentum:
                UpdateRules.Momentum(parameter, gradient, slots[0], lr, mu);
                break;
            default:
                UpdateRules.Adam(parameter, gradient, slots[0], slots[1], stepSize, oneMinusBeta1, oneMinusBeta2, epsilon);
                break;
        }
    }

    private static Func<double, double, bool> Tolerance(double tolerance) => (a, b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a));
}
