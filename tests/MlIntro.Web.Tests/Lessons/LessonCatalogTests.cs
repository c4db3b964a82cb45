using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;

namespace MlIntro.Web.Tests.Lessons;

public sealed class LessonCatalogTests
{
    // The lecture's slide order (../shared/lecture/LECTURE.md), written out by hand: not the enum's declaration order.
    private static readonly (Lesson Lesson, string Path)[] LectureOrder =
    [
        (Lesson.Playground, "/playground"),
        (Lesson.Optimizers, "/optimizers"),
        (Lesson.LikelihoodRatios, "/likelihood"),
        (Lesson.Evaluation, "/evaluation"),
        (Lesson.Overfitting, "/overfitting"),
        (Lesson.Jets, "/jets"),
        (Lesson.Tuning, "/tuning"),
    ];

    public static TheoryData<Lesson, string> Paths()
    {
        var data = new TheoryData<Lesson, string>();
        foreach (var (lesson, path) in LectureOrder)
        {
            data.Add(lesson, path);
        }
        return data;
    }

    [Fact]
    public void All_InLectureOrder_CoversEveryLessonOnceNumberedOneToSeven()
    {
        var all = LessonCatalog.All;

        Assert.Equal(LectureOrder.Select(l => l.Lesson), all.Select(l => l.Lesson));
        Assert.Equal(Enum.GetValues<Lesson>().Order(), all.Select(l => l.Lesson).Order());
        Assert.Equal(Enumerable.Range(1, 7), all.Select(l => l.Number));
        Assert.Equal(LectureOrder.Select(l => l.Path), all.Select(l => l.Path));
    }

    [Fact]
    public void Of_EveryLesson_GivesItsOwnEntry()
    {
        var entries = Enum.GetValues<Lesson>().Select(LessonCatalog.Of).ToList();

        Assert.Equal(Enum.GetValues<Lesson>(), entries.Select(e => e.Lesson));
        Assert.Equal(4, LessonCatalog.Of(Lesson.Evaluation).Number);
        Assert.Equal(3, LessonCatalog.Of(Lesson.LikelihoodRatios).Number);
        Assert.Equal("4 · Evaluating a classifier", LessonCatalog.Of(Lesson.Evaluation).Heading);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ForLesson_EachLesson_OpensThatLessonsPageWithTheDefinition(Lesson lesson, string path)
    {
        var definition = new ExperimentDefinition(
            lesson,
            new DataSpec("circle", 200, 0.1, 0.5, ["x1", "x2"]),
            new ModelSpec([new HiddenLayer(4)]),
            new OptimizerSpec(OptimizerKind.Adam, 0.01),
            new TrainingSpec(10, 10),
            Seed: 5);

        var link = DefinitionLink.ForLesson(definition);
        var parsed = DefinitionLink.Parse(link.Split($"?{DefinitionLink.QueryKey}=")[1]);

        Assert.StartsWith(path + "?" + DefinitionLink.QueryKey + "=", link, StringComparison.Ordinal);
        Assert.NotNull(parsed);
        Assert.Equal(lesson, parsed.Lesson);
        Assert.Equal(5, parsed.Seed);
    }
}
