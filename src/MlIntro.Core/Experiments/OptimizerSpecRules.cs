using System.Globalization;
using MlIntro.Core.Optimizers;

namespace MlIntro.Core.Experiments;

/// <summary>
/// What an <see cref="OptimizerSpec"/> must satisfy, wherever it stands in a definition (the run's optimizer or a
/// racer's): a known kind, a learning rate in range, and only the hyperparameters the kind reads, each in its range.
/// Checked here so that a typo or an impossible value is refused at Start instead of failing the run later.
/// </summary>
internal static class OptimizerSpecRules
{
    /// <param name="prefix">Names the racer in front of the field path, e.g. <c>Race[2] 'Adam 0.05': </c>; empty for the run's optimizer.</param>
    public static IEnumerable<string> Errors(OptimizerSpec spec, string prefix, ExperimentLimits limits)
    {
        var field = prefix + "Optimizer";
        var known = Enum.IsDefined(spec.Kind);
        if (!known)
        {
            yield return $"{field}.Kind is not a known optimizer.";
        }
        if (!(double.IsFinite(spec.LearningRate) && spec.LearningRate > 0 && spec.LearningRate <= limits.MaxLearningRate))
        {
            yield return $"{field}.LearningRate must be a number greater than 0 and at most {limits.MaxLearningRate}.";
        }
        foreach (var (name, value) in spec.Parameters ?? new Dictionary<string, double>())
        {
            var parameter = known ? OptimizerParameters.Find(spec.Kind, name) : null;
            if (known && parameter is null)
            {
                var reads = string.Join(", ", OptimizerParameters.For(spec.Kind).Select(p => p.Name));
                yield return $"{field}.Parameters.{name} is not a parameter of {spec.Kind} (it reads {reads}).";
            }
            else if (parameter is not null && !parameter.Range.Contains(value))
            {
                yield return $"{field}.Parameters.{name} ({value.ToString(CultureInfo.InvariantCulture)}) must be {parameter.Range}.";
            }
        }
    }
}
