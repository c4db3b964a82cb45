using MlIntro.Core.Experiments;

namespace MlIntro.Web.Components.Lessons;

/// <summary>One lesson as the home page, the menu, its heading and shared links show it.</summary>
/// <param name="Number">Its place in the lecture (1-based), never derived from the enum.</param>
public sealed record LessonInfo(Lesson Lesson, int Number, string Title, string ShortTitle, string Path, string Summary)
{
    /// <summary>The page's title heading, "N · Title".</summary>
    public string Heading => $"{Number} · {Title}";
}

/// <summary>
/// The lessons in the lecture's order (../shared/lecture/LECTURE.md, "Slide order"), keyed by <see cref="Lesson"/>.
/// The enum's own order is not the lecture's and is serialized by name: nothing may key on its ordinal.
/// </summary>
public static class LessonCatalog
{
    public static IReadOnlyList<LessonInfo> All { get; } =
    [
        new(Lesson.Playground, 1, "Visualizing how a neural network works", "Playground", "/playground",
            "Train a small network live and watch its hidden neurons and decision boundary form."),
        new(Lesson.Optimizers, 2, "Optimizers racing on a loss surface", "Optimizers", "/optimizers",
            "GD, Momentum, Adagrad, Adadelta, RMSProp, Adam and Ftrl descend the same surface side by side."),
        new(Lesson.LikelihoodRatios, 3, "Likelihood ratios and reweighting", "Likelihoods", "/likelihood",
            "Neyman-Pearson, the classifier trick, reweighting, ensembles and negative event weights."),
        new(Lesson.Evaluation, 4, "Evaluating a classifier", "Evaluation", "/evaluation",
            "Move the threshold and watch the confusion matrix, the ROC curve and the AUC respond."),
        new(Lesson.Overfitting, 5, "Under- and overfitting and remedies", "Overfitting", "/overfitting",
            "Capacity, L1/L2, dropout, early stopping and augmentation on the same data."),
        new(Lesson.Jets, 6, "Jet classification", "Jets", "/jets",
            "Tag gluon, quark, top, W and Z jets from 16 substructure features and read per-class ROC curves."),
        new(Lesson.Tuning, 7, "Tuning and experiment tracking", "Tuning", "/tuning",
            "Grid, random and Bayesian search over many runs, compared in one table and in parallel coordinates."),
    ];

    private static readonly Dictionary<Lesson, LessonInfo> ByLesson = All.ToDictionary(l => l.Lesson);

    /// <summary>The catalogue entry of a lesson; every <see cref="Lesson"/> value has exactly one.</summary>
    public static LessonInfo Of(Lesson lesson) =>
        ByLesson.TryGetValue(lesson, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(lesson), lesson, "Not a lesson of the catalogue.");
}
