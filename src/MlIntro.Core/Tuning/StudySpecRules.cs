using System.Globalization;
using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tuning;

/// <summary>What a <see cref="StudySpec"/> must satisfy; each error names its field (e.g. <c>Study.Space.LearningRate.Low</c>).</summary>
public static class StudySpecRules
{
    public static IEnumerable<string> Errors(StudySpec study, ExperimentDefinition definition, ExperimentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }
        Check(study.Space is not null, "Study.Space is required.");
        Check(study.Trials is >= 1 and <= StudySpec.MaxTrials, $"Study.Trials must be between 1 and {StudySpec.MaxTrials}.");
        Check(study.Population is >= 1 and <= StudySpec.MaxPopulation, $"Study.Population must be between 1 and {StudySpec.MaxPopulation}.");
        Check(Enum.IsDefined(study.Objective), "Study.Objective must be ValidationLoss, Accuracy or Auc.");
        Check(Enum.IsDefined(study.Sampler), "Study.Sampler must be Grid, Random or Tpe.");
        Check(definition.Race is null && definition.Surface is null, "Study: a study tunes one network, not a race.");
        Check(study.ResumeFrom is null || study.ResumeFrom.Length is > 0 and <= ExperimentLimits.MaxNameLength, "Study.ResumeFrom must be a run id.");
        if (study.Pruning is { } pruning)
        {
            Check(pruning.ReductionFactor is >= 2 and <= 10, "Study.Pruning.ReductionFactor must be between 2 and 10.");
            Check(pruning.GracePeriod >= 1 && pruning.GracePeriod <= limits.MaxEpochs, $"Study.Pruning.GracePeriod must be between 1 and {limits.MaxEpochs}.");
        }
        if (study.Space is { } space)
        {
            errors.AddRange(SpaceErrors(space, limits));
            errors.AddRange(TreeSearch.Errors(space, definition));
            if (errors.Count == 0 && study.Sampler == SamplerKind.Grid)
            {
                var size = SearchDimensions.GridSize(SearchDimensions.Of(space));
                Check(study.Trials <= size, string.Create(CultureInfo.InvariantCulture,
                    $"Study.Trials ({study.Trials}) is more than the grid's {size} combinations."));
            }
        }
        return errors;
    }

    private static IEnumerable<string> SpaceErrors(SearchSpace space, ExperimentLimits limits)
    {
        const string prefix = "Study.Space.";
        if (space.LearningRate is { } lr)
        {
            foreach (var e in RangeErrors(prefix + "LearningRate", lr, 0, limits.MaxLearningRate, positive: true))
            {
                yield return e;
            }
        }
        if (space.L2 is { } l2)
        {
            foreach (var e in RangeErrors(prefix + "L2", l2, 0, limits.MaxRegularizationRate, positive: l2.Log))
            {
                yield return e;
            }
        }
        if (space.Dropout is { } dropout)
        {
            foreach (var e in RangeErrors(prefix + "Dropout", dropout, 0, 0.9, positive: dropout.Log))
            {
                yield return e;
            }
        }
        if (space.HiddenLayers is { } layers && (layers.Min < 0 || layers.Max > limits.MaxHiddenLayers || layers.Min > layers.Max))
        {
            yield return $"{prefix}HiddenLayers must satisfy 0 ≤ Min ≤ Max ≤ {limits.MaxHiddenLayers} (got {layers.Min}..{layers.Max}).";
        }
        if (space.Neurons is { } neurons && (neurons.Min < 1 || neurons.Max > limits.MaxNeuronsPerLayer || neurons.Min > neurons.Max))
        {
            yield return $"{prefix}Neurons must satisfy 1 ≤ Min ≤ Max ≤ {limits.MaxNeuronsPerLayer} (got {neurons.Min}..{neurons.Max}).";
        }
        if (space.Activations is { } activations && (activations.Count > 8 || !activations.All(Enum.IsDefined)))
        {
            yield return $"{prefix}Activations must list known activations.";
        }
        if (space.Optimizers is { } optimizers && (optimizers.Count > 16 || !optimizers.All(Enum.IsDefined)))
        {
            yield return $"{prefix}Optimizers must list known optimizers.";
        }
        // An empty list would search nothing while the page says the optimizer is searched.
        if (space.Optimizers is { Count: 0 })
        {
            yield return $"{prefix}Optimizers must list at least one optimizer.";
        }
        if (space.BatchSizes is { } batches && (batches.Count > 16 || batches.Any(b => b < 1 || b > limits.MaxBatchSize)))
        {
            yield return $"{prefix}BatchSizes must be between 1 and {limits.MaxBatchSize}.";
        }
    }

    private static IEnumerable<string> RangeErrors(string field, FloatRange range, double min, double max, bool positive)
    {
        if (!double.IsFinite(range.Low) || range.Low < min || (positive && range.Low <= 0))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{field}.Low must be {(positive ? "above" : "at least")} {min} (got {range.Low}).");
        }
        if (!double.IsFinite(range.High) || range.High > max)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{field}.High must be at most {max} (got {range.High}).");
        }
        if (range.Low > range.High)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{field}: Low ({range.Low}) is above High ({range.High}).");
        }
        if (range.GridPoints is < 1 or > 20)
        {
            yield return $"{field}.GridPoints must be between 1 and 20.";
        }
    }
}
