namespace MlIntro.Core.Data.Sources;

/// <summary>
/// Generates jets that behave like the hls4ml set's five classes without being them: each class draws a
/// <see cref="ToyJet"/> from physically motivated shapes (<see cref="ToyJetShapes"/>), and <see cref="ToyJetObservables"/>
/// turns it into the 16 features.
/// </summary>
internal static class ToyJetGenerator
{
    /// <summary>Draws <paramref name="count"/> jets, classes in turn (g, q, t, w, z, g, ...) so that they are balanced.</summary>
    public static TabularData Generate(int count, Random random)
    {
        var width = JetData.FeatureNames.Count;
        var x = new float[count * width];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % 5;
            ToyJetObservables.Fill(ToyJetShapes.Draw(labels[i], random), random, x.AsSpan(i * width, width));
        }
        return new TabularData(JetData.FeatureNames.ToArray(), x, labels);
    }
}
