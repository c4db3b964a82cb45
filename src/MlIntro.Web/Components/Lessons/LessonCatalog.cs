namespace MlIntro.Web.Components.Lessons;

/// <summary>One lesson as the home page and the menu show it.</summary>
public sealed record LessonInfo(int Number, string Title, string ShortTitle, string Path, string Summary, bool IsAvailable);

/// <summary>The lessons in the lecture's order.</summary>
public static class LessonCatalog
{
    public static IReadOnlyList<LessonInfo> All { get; } =
    [
        new(1, "Visualizing how a neural network works", "Playground", "/playground",
            "Train a small network live and watch its hidden neurons and decision boundary form.", true),
        new(2, "Optimizers racing on a loss surface", "Optimizers", "/optimizers",
            "GD, Momentum, Adagrad, Adadelta, RMSProp, Adam and Ftrl descend the same surface side by side.", true),
        new(3, "Evaluating a classifier", "Evaluation", "/evaluation",
            "Move the threshold and watch the confusion matrix, the ROC curve and the AUC respond.", true),
        new(4, "Under- and overfitting, and their remedies", "Overfitting", "/overfitting",
            "Capacity, L1/L2, dropout, early stopping and augmentation on the same data.", false),
        new(5, "Likelihood ratios with classifiers", "Likelihoods", "/likelihood",
            "Neyman-Pearson, the classifier trick, reweighting, ensembles and negative event weights.", false),
        new(6, "Jet classification", "Jets", "/jets",
            "Tag gluon, quark, top, W and Z jets from 16 substructure features and read per-class ROC curves.", true),
        new(7, "Hyperparameter tuning and experiment tracking", "Tuning", "/tuning",
            "Grid and random search over many runs, compared in one table and in parallel coordinates.", false),
    ];
}
