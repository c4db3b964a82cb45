using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using FluentValidation.Results;
using MlIntro.Core.Data;
using MlIntro.Core.Surfaces;
using MlIntro.Core.Surfaces.Formulas;

namespace MlIntro.Core.Experiments;

/// <summary>
/// Rules every experiment passes before it is stored or queued, whichever door it came through (page or hub).
/// Each message names the field by its path (e.g. <c>Optimizer.LearningRate</c>) and the allowed range.
/// </summary>
public sealed class ExperimentValidator : AbstractValidator<ExperimentDefinition>
{
    public ExperimentValidator(ExperimentLimits limits, DatasetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(catalog);

        RuleFor(d => d.Lesson).IsInEnum();
        // A race on a surface needs no data, model or training settings: only the surface and the racers.
        RuleFor(d => d.Data).NotNull().When(d => d.Surface is null).WithMessage("Data is required.");
        RuleFor(d => d.Model).NotNull().When(d => d.Surface is null && d.BoostedTrees is null).WithMessage("Model is required.");
        RuleFor(d => d.Optimizer).NotNull().When(d => d.Race is not { Count: > 0 } && d.BoostedTrees is null).WithMessage("Optimizer is required.");
        RuleFor(d => d.Training).NotNull().When(d => d.Surface is null).WithMessage("Training is required.");

        When(d => d.Data is not null, () =>
        {
            RuleFor(d => d.Data!.Name).Must(catalog.Knows)
                .WithMessage(d => $"Data.Name: unknown data set '{d.Data!.Name}'.");
            RuleFor(d => d.Data!.Points).InclusiveBetween(10, limits.MaxPoints)
                .WithMessage($"Data.Points must be between 10 and {limits.MaxPoints}.");
            RuleFor(d => d.Data!.Noise).Must(v => double.IsFinite(v) && v is >= 0 and <= 0.5)
                .WithMessage("Data.Noise must be between 0 and 0.5.");
            RuleFor(d => d.Data!.TrainFraction).Must(v => double.IsFinite(v) && v is >= 0.1 and <= 0.9)
                .WithMessage("Data.TrainFraction must be between 0.1 and 0.9.");
            RuleForEach(d => d.Data!.Features).NotEmpty().WithMessage("Data.Features may not contain empty names.");
            RuleFor(d => d.Data!).Custom((data, context) =>
            {
                foreach (var error in FeatureRules.Errors(data, catalog.FeatureNames(data)))
                {
                    context.AddFailure("Data.Features", error);
                }
            }).When(d => d.Data!.Features is not null);
        });

        When(d => d.Model is not null, () =>
        {
            RuleFor(d => d.Model!.HiddenLayers).NotNull().WithMessage("Model.HiddenLayers is required (it may be empty).")
                .Must(l => l is null || l.Count <= limits.MaxHiddenLayers)
                .WithMessage($"Model.HiddenLayers: between 0 and {limits.MaxHiddenLayers} layers allowed.");
            RuleForEach(d => d.Model!.HiddenLayers).ChildRules(layer =>
            {
                layer.RuleFor(l => l.Neurons).InclusiveBetween(1, limits.MaxNeuronsPerLayer)
                    .WithMessage($"{{PropertyPath}} must be between 1 and {limits.MaxNeuronsPerLayer}.");
                layer.RuleFor(l => l.Dropout).Must(v => double.IsFinite(v) && v is >= 0 and < 1)
                    .WithMessage("{PropertyPath} must be in [0, 1).");
            }).OverridePropertyName("Model.HiddenLayers");
            RuleFor(d => d.Model!.Activation).IsInEnum().WithMessage("Model.Activation is not a known activation.");
            RuleFor(d => d.Model!.Regularization).IsInEnum().WithMessage("Model.Regularization must be None, L1 or L2.");
            RuleFor(d => d.Model!.RegularizationRate)
                .Must(v => double.IsFinite(v) && v >= 0 && v <= limits.MaxRegularizationRate)
                .WithMessage($"Model.RegularizationRate must be between 0 and {limits.MaxRegularizationRate}.");
            RuleFor(d => d.Model!.Problem).IsInEnum().WithMessage("Model.Problem must be Classification or Regression.");
        });

        RuleFor(d => d.Optimizer!).Custom((optimizer, context) =>
        {
            foreach (var error in OptimizerSpecRules.Errors(optimizer, "", limits))
            {
                context.AddFailure("Optimizer", error);
            }
        }).When(d => d.Optimizer is not null);

        When(d => d.Training is not null, () =>
        {
            RuleFor(d => d.Training!.Epochs).InclusiveBetween(1, limits.MaxEpochs)
                .WithMessage($"Training.Epochs must be between 1 and {limits.MaxEpochs}.");
            RuleFor(d => d.Training!.BatchSize).InclusiveBetween(1, limits.MaxBatchSize)
                .WithMessage($"Training.BatchSize must be between 1 and {limits.MaxBatchSize}.");
            RuleFor(d => d.Training!.Patience).InclusiveBetween(1, 10_000)
                .WithMessage("Training.Patience must be between 1 and 10000.");
            RuleFor(d => d.Training!.ValidationFraction).Must(v => double.IsFinite(v) && v is >= 0 and <= 0.5)
                .WithMessage("Training.ValidationFraction must be between 0 and 0.5.");
            RuleFor(d => d.Training!.FrameIntervalMs).InclusiveBetween(10, 60_000)
                .WithMessage("Training.FrameIntervalMs must be between 10 and 60000.");
        });

        When(d => d.Data is not null && d.Training is not null && catalog.Knows(d.Data!.Name), () =>
            RuleFor(d => d.Training!.BatchSize)
                .Must((d, batch) => catalog.TrainingRows(d.Data!) is not { } rows || batch <= rows)
                .WithMessage(d => $"Training.BatchSize ({d.Training!.BatchSize}) is larger than the {catalog.TrainingRows(d.Data!)} training rows of the data."));

        AddRaceRules(limits);
        When(d => d.Likelihood is not null, () => Include(new LikelihoodRules(limits)));
        Include(new Ladders.LadderRules(d => Validate(d).Errors.Select(e => (e.PropertyName, e.ErrorMessage))));
        When(d => d.BoostedTrees is not null, () => Include(new Trees.BoostedTreesRules(catalog)));
        RuleFor(d => d.Study!).Custom((study, context) => Tuning.StudySpecRules.Errors(study, context.InstanceToValidate, limits).ToList().ForEach(e => context.AddFailure("Study", e))).When(d => d.Study is not null);
    }

    /// <summary>The optimizers lesson: racers (network or surface race) and the loss surface.</summary>
    private void AddRaceRules(ExperimentLimits limits)
    {
        When(d => d.Race is not null, () =>
        {
            RuleFor(d => d.Race!.Count).InclusiveBetween(1, MaxRacers).WithMessage(TooManyRacers);
            RuleFor(d => d.Race!).Must(r => r.All(n => n is null || !string.IsNullOrWhiteSpace(n.Name)))
                .WithMessage("Race.Name: every racer needs a name.");
            RuleFor(d => d.Race!).Must(r => r.Where(n => n is not null).Select(n => n.Name).Distinct(StringComparer.Ordinal).Count() == r.Count(n => n is not null))
                .WithMessage(d => $"Race.Name: racer names must be unique (duplicates: {string.Join(", ", Duplicates(d.Race!))}).");
            RuleFor(d => d.Race!).Custom((race, context) =>
            {
                for (var i = 0; i < race.Count; i++)
                {
                    foreach (var error in RacerErrors(race[i], i, limits))
                    {
                        context.AddFailure($"Race[{i}]", error);
                    }
                }
            });
        });

        When(d => d.Surface is not null, () =>
        {
            RuleFor(d => d.Race).Must(r => r is { Count: > 0 })
                .WithMessage("Race: a surface race needs at least one optimizer.");
            RuleFor(d => d.Surface!).Custom((surface, context) =>
            {
                foreach (var error in SurfaceSpecRules.Errors(surface, MaxSurfaceSteps))
                {
                    context.AddFailure("Surface", error);
                }
            });
        });
    }

    /// <summary>A racer's errors, each naming it by position and legend name (<c>Race[2] 'Adam 0.05': …</c>).</summary>
    private static IEnumerable<string> RacerErrors(NamedOptimizer? racer, int index, ExperimentLimits limits)
    {
        if (racer is null)
        {
            return [$"Race[{index}]: a racer is required."];
        }
        var prefix = $"Race[{index}] '{racer.Name}': ";
        return racer.Optimizer is null
            ? [prefix + "Optimizer is required."]
            : OptimizerSpecRules.Errors(racer.Optimizer, prefix, limits);
    }

    /// <summary>Racers per race (network or surface).</summary>
    public const int MaxRacers = 16;

    internal static readonly string TooManyRacers = $"Race: between 1 and {MaxRacers} optimizers allowed.";

    /// <summary>Steps of a surface race.</summary>
    public const int MaxSurfaceSteps = 10_000;

    /// <summary>The surface a spec names: a catalog surface or a parsed formula.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="FormulaException">The formula does not parse.</exception>
    public static ISurface ResolveSurface(SurfaceSpec spec) => SurfaceSpecRules.Resolve(spec);

    private static IEnumerable<string> Duplicates(IReadOnlyList<NamedOptimizer> race) =>
        race.Where(n => n is not null).GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'");

    /// <summary>
    /// The size limits (<see cref="DefinitionSizeRules"/>) before every other rule; when they fail, only they are
    /// reported: the other rules would echo oversized names and walk oversized lists.
    /// </summary>
    protected override bool PreValidate(ValidationContext<ExperimentDefinition> context, ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var errors = DefinitionSizeRules.Errors(context.InstanceToValidate);
        foreach (var error in errors)
        {
            result.Errors.Add(new ValidationFailure("Definition", error));
        }
        return errors.Count == 0;
    }

    /// <summary>Throws <see cref="InvalidExperimentException"/> listing every broken field.</summary>
    public void ValidateOrThrow([NotNull] ExperimentDefinition? definition)
    {
        if (definition is null)
        {
            throw new InvalidExperimentException(["Definition: an experiment definition is required."]);
        }
        var result = Validate(definition);
        if (!result.IsValid)
        {
            throw new InvalidExperimentException(result.Errors.Select(e => e.ErrorMessage).Distinct().ToArray());
        }
    }
}
