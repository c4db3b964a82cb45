using FluentValidation;
using MlIntro.Core.Data;

namespace MlIntro.Core.Experiments.Trees;

/// <summary>The boosted-trees part of a definition (<see cref="ExperimentDefinition.BoostedTrees"/>), checked when present; each message names its field and range.</summary>
public sealed class BoostedTreesRules : AbstractValidator<ExperimentDefinition>
{
    public BoostedTreesRules(DatasetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        RuleFor(d => d.BoostedTrees!.Leaves).InclusiveBetween(BoostedTreesSpec.MinLeaves, BoostedTreesSpec.MaxLeaves)
            .WithMessage($"BoostedTrees.Leaves must be between {BoostedTreesSpec.MinLeaves} and {BoostedTreesSpec.MaxLeaves}.");
        RuleFor(d => d.BoostedTrees!.LearningRate)
            .Must(r => double.IsFinite(r) && r is >= BoostedTreesSpec.MinLearningRate and <= BoostedTreesSpec.MaxLearningRate)
            .WithMessage($"BoostedTrees.LearningRate must be between {BoostedTreesSpec.MinLearningRate} and {BoostedTreesSpec.MaxLearningRate}.");
        RuleFor(d => d.BoostedTrees!.MinEventsPerLeaf).InclusiveBetween(1, BoostedTreesSpec.MaxMinEventsPerLeaf)
            .WithMessage($"BoostedTrees.MinEventsPerLeaf must be between 1 and {BoostedTreesSpec.MaxMinEventsPerLeaf}.");
        RuleFor(d => d.BoostedTrees!.FeatureFraction)
            .Must(f => double.IsFinite(f) && f is >= BoostedTreesSpec.MinFeatureFraction and <= 1)
            .WithMessage($"BoostedTrees.FeatureFraction must be between {BoostedTreesSpec.MinFeatureFraction} and 1.");
        RuleFor(d => d.Training!.Epochs).InclusiveBetween(1, BoostedTreesSpec.MaxRounds).When(d => d.Training is not null)
            .WithMessage($"Training.Epochs: boosted trees train 1 to {BoostedTreesSpec.MaxRounds} rounds (one tree per round).");
        RuleFor(d => d.Training!.Epochs)
            .Must((d, rounds) => RoundEvents(d, catalog) <= BoostedTreesSpec.MaxRoundEvents)
            .When(d => d.Training is not null && d.Data is not null && catalog.Knows(d.Data.Name))
            .WithMessage(d => $"Training.Epochs: {d.Training!.Epochs} rounds on {catalog.TrainingRows(d.Data!):N0} training events is more than {BoostedTreesSpec.MaxRoundEvents:N0} round-events (LightGBM's call cannot be stopped midway); ask for fewer rounds or events.");
        RuleFor(d => d.Model!.Problem).Equal(ProblemKind.Classification).When(d => d.Model is not null)
            .WithMessage("Model.Problem: boosted trees here are binary classifiers.");
        RuleFor(d => d.Race).Null().WithMessage("BoostedTrees: a run of trees is not a race.");
        RuleFor(d => d.Surface).Null().WithMessage("BoostedTrees: a run of trees has no surface.");
        RuleFor(d => d.Ladder).Null().WithMessage("BoostedTrees: a run of trees is not a capacity ladder.");
        RuleFor(d => d.Likelihood).Null().WithMessage("BoostedTrees: the likelihood lesson trains its trees itself.");
    }

    private static long RoundEvents(ExperimentDefinition definition, DatasetCatalog catalog) =>
        (long)definition.Training!.Epochs * (catalog.TrainingRows(definition.Data!) ?? definition.Data!.Points);
}
