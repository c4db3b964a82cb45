using MlIntro.Core.Experiments;

namespace MlIntro.Core.Tuning;

/// <summary>A trial's definition: the study's base definition with the trial's values put in, and no study of its own.</summary>
public static class TrialDefinitions
{
    public static ExperimentDefinition For(ExperimentDefinition study, IReadOnlyDictionary<string, double> values, IReadOnlyList<SearchDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(dimensions);
        if (study.BoostedTrees is { } trees)
        {
            return TreeSearch.Trial(study, trees, values);
        }
        string? Choice(string name) =>
            values.TryGetValue(name, out var v) ? dimensions.First(d => d.Name == name).Choices[(int)v] : null;
        double? Number(string name) => values.TryGetValue(name, out var v) ? v : null;

        var model = study.RequiredModel;
        var optimizer = study.RequiredOptimizer;
        var training = study.RequiredTraining;
        var layers = (int?)Number(SearchDimensions.HiddenLayers) ?? model.HiddenLayers.Count;
        var dropout = Number(SearchDimensions.Dropout);
        var neurons = (int?)Number(SearchDimensions.Neurons);
        var hidden = Enumerable.Range(0, layers).Select(i =>
        {
            var like = model.HiddenLayers.Count == 0 ? new HiddenLayer(4) : model.HiddenLayers[Math.Min(i, model.HiddenLayers.Count - 1)];
            return new HiddenLayer(neurons ?? like.Neurons, dropout ?? like.Dropout);
        }).ToList();
        var l2 = Number(SearchDimensions.L2);
        model = model with
        {
            HiddenLayers = hidden,
            Activation = Choice(SearchDimensions.Activation) is { } a ? Enum.Parse<Activation>(a) : model.Activation,
            Regularization = l2 is null ? model.Regularization : Regularization.L2,
            RegularizationRate = l2 ?? model.RegularizationRate,
        };
        var kind = Choice(SearchDimensions.Optimizer) is { } o ? Enum.Parse<OptimizerKind>(o) : optimizer.Kind;
        optimizer = new OptimizerSpec(
            kind,
            Number(SearchDimensions.LearningRate) ?? optimizer.LearningRate,
            // Another optimizer reads other names: its own defaults then.
            kind == optimizer.Kind ? optimizer.Parameters : null);
        var batch = Choice(SearchDimensions.BatchSize) is { } b ? int.Parse(b, System.Globalization.CultureInfo.InvariantCulture) : training.BatchSize;
        // A study watches no early stopping of its own: pruning decides, and every trial reports every epoch.
        training = training with { BatchSize = batch, EarlyStopping = false };
        return study with { Model = model, Optimizer = optimizer, Training = training, Study = null };
    }
}
