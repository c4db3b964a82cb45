using MlIntro.Core.Data.Sources;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tests.Overfitting;

public sealed class ReflectedToySourceTests
{
    private static readonly DataSpec Xor = new("xor", Points: 40, Noise: 0.2, TrainFraction: 0.5);

    [Fact]
    public void Load_ReflectedXor_PlainTrainingPointsThenTheirMirrorsWithXorsLabelsAndTheSameTestPoints()
    {
        var plain = new PlaygroundDatasetSource().Load(Xor, 3, CancellationToken.None);

        var mirrored = new ReflectedToySource().Load(Xor with { Name = "reflected-xor" }, 3, CancellationToken.None);

        var n = plain.Train.Rows;
        Assert.Equal(4 * n, mirrored.Train.Rows);
        Assert.Equal(plain.Test.Labels, mirrored.Test.Labels);
        Assert.Equal(plain.Plane!.TestPoints, mirrored.Plane!.TestPoints);
        var p = plain.Plane.TrainPoints;
        var m = mirrored.Plane.TrainPoints;
        (float X, float Y, int Label)[] mirrors = [(-1, 1, 1), (1, -1, 1), (-1, -1, 0)];
        for (var i = 0; i < n; i++)
        {
            Assert.Equal((p[2 * i], p[(2 * i) + 1], plain.Train.Labels![i]), (m[2 * i], m[(2 * i) + 1], mirrored.Train.Labels![i]));
            for (var k = 0; k < mirrors.Length; k++)
            {
                var j = ((k + 1) * n) + i;
                // A single mirror flips the sign of x·y and so XOR's class; mirroring both keeps it.
                var label = mirrors[k].Label == 1 ? 1 - plain.Train.Labels[i] : plain.Train.Labels[i];
                Assert.Equal((mirrors[k].X * p[2 * i], mirrors[k].Y * p[(2 * i) + 1], label), (m[2 * j], m[(2 * j) + 1], mirrored.Train.Labels[j]));
            }
        }
    }

    [Fact]
    public void Serves_OnlySymmetricToys()
    {
        var source = new ReflectedToySource();

        Assert.True(source.Serves("reflected-circle"));
        Assert.False(source.Serves("reflected-spiral"));
        Assert.False(source.Serves("xor"));
    }
}
