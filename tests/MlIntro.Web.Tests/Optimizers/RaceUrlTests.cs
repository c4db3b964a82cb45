using MlIntro.Core.Experiments;
using MlIntro.Core.Surfaces;
using MlIntro.Web.Components.Pages.Optimizers;

namespace MlIntro.Web.Tests.Optimizers;

public sealed class RaceUrlTests
{
    [Theory]
    [InlineData("surface=lecture&start=0.75,1&steps=1000&r=adadelta:50;adagrad:0.1;adam:0.05;ftrl:0.5;gd:0.05;momentum:0.01;rmsprop:0.02")]
    [InlineData("surface=formula&formula=x%5E2%20%2B%203%2Asin%28y%29&start=-0.5,0.25&steps=200&r=adam:0.05:beta1=0.8,epsilon=0.001;nesterov:0.01:momentum=0.9")]
    [InlineData("surface=lecture%2Bf1&start=0.75,1&steps=1000&r=adam:0.05")]
    [InlineData("surface=rosenbrock&start=-1.2,1&steps=10000&r=nadam:0.05;adamw:0.05:weightDecay=0.1")]
    public void Parse_ThenSerialize_GivesBackTheSameString(string query)
    {
        var settings = RaceUrl.Parse(query);

        Assert.Equal(query, RaceUrl.Serialize(settings));
    }

    [Fact]
    public void Parse_TheSlideQuery_HasTheSlideLegendAndTf1Defaults()
    {
        var settings = RaceUrl.Parse("surface=lecture&start=0.75,1&steps=1000&r=adam:0.05;momentum:0.01;rmsprop:0.02");

        Assert.Equal(["Adam 0.05", "Momentum 0.01", "RMSProp 0.02"], settings.Names);
        Assert.Equal(0.9, settings.Racers[0].Parameters["beta1"]);
        Assert.Equal(0.95, settings.Racers[1].Parameters["momentum"]);
        Assert.Equal(1e-10, settings.Racers[2].Parameters["epsilon"]);
    }

    [Fact]
    public void Parse_EmptyQuery_IsTheSlide()
    {
        var settings = RaceUrl.Parse("");

        Assert.Equal(["Adadelta 50", "Adagrad 0.1", "Adam 0.05", "Ftrl 0.5", "GD 0.05", "Momentum 0.01", "RMSProp 0.02"], settings.Names);
        Assert.Equal((0.75, 1.0, 1000), (settings.StartX, settings.StartY, settings.Steps));
        Assert.Equal("lecture+f1", settings.Surface);
    }

    [Fact]
    public void Parse_BadValues_FallBackOrClamp()
    {
        var settings = RaceUrl.Parse("surface=himmelblau&start=9,x&steps=99999&r=adam:-1;bogus:1;gd:0.1:nope=3,momentum=abc");

        Assert.Equal(SurfaceCatalog.LectureF1, settings.Surface);
        Assert.Equal((0.75, 1.0), (settings.StartX, settings.StartY));
        Assert.Equal(10_000, settings.Steps);
        var gd = Assert.Single(settings.Racers);
        Assert.Equal(OptimizerKind.GD, gd.Kind);
        Assert.Equal(["weightDecay"], gd.Parameters.Keys);
    }

    [Fact]
    public void Names_TwoEqualRacers_AreMadeUnique()
    {
        var settings = RaceUrl.Parse("r=adam:0.05;adam:0.05");

        Assert.Equal(["Adam 0.05", "Adam 0.05 (2)"], settings.Names);
        Assert.Equal(2, settings.ToDefinition().Race!.Select(r => r.Name).Distinct().Count());
    }
}
