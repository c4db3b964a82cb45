using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Training.Optimizers;
using MlIntro.Web.Components.Pages.Optimizers;

namespace MlIntro.Web.Tests.Optimizers;

public sealed class RacePlaybackTests
{
    private static readonly SurfacePoint Start = OptimizerPresets.SlideStart;

    /// <summary>One racer's positions split into chunks of three steps, as the race streams them.</summary>
    private static TrajectoryChunk[] Chunks(params (string Name, double[] X, double[] Y, double[] Loss, int? Reported)[] racers)
    {
        var count = racers[0].X.Length;
        return [.. Enumerable.Range(0, (count + 2) / 3).Select(c => new TrajectoryChunk(3 * c, [.. racers.Select(r =>
        {
            var take = Math.Min(3, count - (3 * c));
            return new TrajectorySeries(r.Name, r.X[(3 * c)..(3 * c + take)], r.Y[(3 * c)..(3 * c + take)], r.Loss[(3 * c)..(3 * c + take)], r.Reported);
        })]))];
    }

    private static double[] Flat(double value, int count) => [.. Enumerable.Repeat(value, count)];

    [Fact]
    public void From_ARacerThatLeavesTheView_DivergedAtTheFirstStepOutside()
    {
        // x = 1.6 at step 4 is the first point outside the lecture's [-1.5, 1.5]² view; the other racer stays at the start.
        var leaving = ("Away", new[] { 0.0, 0.5, 1.0, 1.5, 1.6, 2.0 }, Flat(0, 6), Flat(-1, 6), (int?)null);
        var staying = ("Still", Flat(0.75, 6), Flat(1, 6), Flat(-1, 6), (int?)null);
        var chunks = Chunks(leaving, staying).Reverse().ToList();

        var playback = RacePlayback.From(chunks, LectureSurface.Plain, steps: 5);

        Assert.Equal([4, null], playback.DivergedAt);
        Assert.Equal(["Away", "Still"], playback.Names);
        Assert.Equal([0.0, 0.5, 1.0, 1.5, 1.6, 2.0], playback.Xs[0].Select(x => x!.Value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void From_ALossThatStopsBeingFinite_DivergedAtThatStep(double bad)
    {
        var racer = ("Formula", Flat(0.1, 6), Flat(0.1, 6), new[] { 1.0, 0.5, bad, bad, bad, bad }, (int?)null);

        var playback = RacePlayback.From(Chunks(racer), LectureSurface.Plain, steps: 5);

        Assert.Equal([2], playback.DivergedAt);
        Assert.Null(playback.Losses[0][2]);
    }

    [Fact]
    public void From_AStepTheRaceReported_DivergedThereEvenInsideTheView()
    {
        // The race stops a racer whose gradient is not finite and leaves it standing at its last good position.
        var racer = ("Stopped", Flat(0.2, 6), Flat(0.3, 6), Flat(-1, 6), (int?)1);

        var playback = RacePlayback.From(Chunks(racer), LectureSurface.Plain, steps: 5);

        Assert.Equal([1], playback.DivergedAt);
    }

    [Fact]
    public void From_LeavingAfterTheLastPlayedStep_IsNotDiverged()
    {
        var racer = ("Late", new[] { 0.0, 0.1, 0.2, 0.3, 9.0, 9.0 }, Flat(0, 6), Flat(-1, 6), (int?)null);

        var playback = RacePlayback.From(Chunks(racer), LectureSurface.Plain, steps: 3);

        Assert.Equal([null], playback.DivergedAt);
        Assert.Equal(3, playback.Steps);
    }

    [Fact]
    public void From_GdAtRate5OnLectureF1_DivergesWherePlainGradientDescentLeavesTheView()
    {
        var surface = LectureSurface.WithF1;
        var gd = new NamedOptimizer("GD 5", new OptimizerSpec(OptimizerKind.GD, 5));
        var chunks = SurfaceRace.Run(surface, Start, [gd], 20).ToList();
        // Independently: x ← x − 5·∇z in plain doubles until the point leaves [-1.5, 1.5]².
        var (x, y, expected) = (Start.X, Start.Y, 0);
        while (surface.Domain.Contains(x, y))
        {
            var g = surface.Gradient(x, y);
            (x, y, expected) = (x - (5 * g.Dx), y - (5 * g.Dy), expected + 1);
        }

        var playback = RacePlayback.From(chunks, surface, 20);

        Assert.Equal([expected], playback.DivergedAt);
        Assert.InRange(expected, 1, 20);
    }

    [Fact]
    public void From_TheSlideRaceOnLectureF1_NoRacerDivergesAndEveryOneMoves()
    {
        var surface = SurfaceCatalog.Get(RaceSettings.Slide.Surface);
        var chunks = SurfaceRace.Run(surface, Start, OptimizerPresets.Slide, OptimizerPresets.SlideSteps).ToList();

        var playback = RacePlayback.From(chunks, surface, OptimizerPresets.SlideSteps);

        Assert.All(playback.DivergedAt!, d => Assert.Null(d));
        Assert.All(Enumerable.Range(0, playback.Xs.Length), r =>
            Assert.True(Math.Abs(playback.Xs[r][^1]!.Value - Start.X) + Math.Abs(playback.Ys[r][^1]!.Value - Start.Y) > 0.1, playback.Names![r]));
    }
}
