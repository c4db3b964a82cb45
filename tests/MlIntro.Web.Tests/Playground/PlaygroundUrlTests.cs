using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Pages.Playground;

namespace MlIntro.Web.Tests.Playground;

public sealed class PlaygroundUrlTests
{
    // Written by hand in the serializer's key order; between them every field differs from its default at least once.
    private const string Spiral =
        "dataset=spiral&noise=25&train=70&batch=7&lr=0.3&act=relu&reg=l2&rr=0.01&problem=classification&net=5,3,2&f=x1,x2,sin(x1)&opt=adam&dropout=0.2&es=1&seed=9&mom=0.95&b1=0.8&b2=0.99&decay=0.9";

    public static TheoryData<string> NonDefaultQueries => new()
    {
        Spiral,
        "dataset=multigauss&noise=50&train=10&batch=1&lr=1E-05&act=sigmoid&reg=l1&rr=3&problem=regression&net=&f=x1%5E2,x2%5E2,x1*x2&opt=momentum&dropout=0.5&es=0&seed=0&mom=0.5&b1=0.9&b2=0.999&decay=0.9",
        "dataset=xor&noise=5&train=90&batch=30&lr=10&act=linear&reg=none&rr=0&problem=classification&net=8,8,8,8,8,8&f=sin(x2)&opt=rmsprop&dropout=0&es=0&seed=123456&mom=0.95&b1=0.9&b2=0.999&decay=0.75",
        "dataset=upload:abc_DEF-123&noise=0&train=50&batch=10&lr=0.03&act=tanh&reg=none&rr=0&problem=classification&net=16,1&f=x1,x2&opt=gd&dropout=0&es=0&seed=1&mom=0.95&b1=0.9&b2=0.999&decay=0.9",
        "dataset=circle&noise=0&train=50&batch=10&lr=0.03&act=tanh&reg=none&rr=0&problem=classification&net=4,2&f=x1,x2&opt=gd&dropout=0&es=0&seed=1&mom=0.95&b1=0.9&b2=0.999&decay=0.9&hide=controls",
    };

    [Theory]
    [MemberData(nameof(NonDefaultQueries))]
    public void Serialize_AfterParse_GivesBackTheSameString(string query)
    {
        var settings = PlaygroundUrl.Parse(query);

        var again = PlaygroundUrl.Serialize(settings);

        Assert.Equal(query, again);
    }

    [Fact]
    public void Parse_FirstNonDefaultQuery_ReadsEveryField()
    {
        var s = PlaygroundUrl.Parse("?" + Spiral);

        Assert.Equal(
            new PlaygroundSettings("spiral", 25, 70, 7, 0.3, Activation.ReLU, Regularization.L2, 0.01, ProblemKind.Classification,
                "5,3,2", "x1,x2,sin(x1)", OptimizerKind.Adam, 0.2, true, 9, 0.95, 0.8, 0.99, 0.9),
            s);
        Assert.Equal([5, 3, 2], s.HiddenLayers);
    }

    [Fact]
    public void Parse_Empty_GivesDefaults()
    {
        Assert.Equal(new PlaygroundSettings(), PlaygroundUrl.Parse(""));
        Assert.Equal(new PlaygroundSettings(), PlaygroundUrl.Parse(null));
    }

    [Theory]
    [InlineData("noise=abc")]
    [InlineData("noise=99")]
    [InlineData("train=5")]
    [InlineData("batch=0")]
    [InlineData("batch=31")]
    [InlineData("lr=-1")]
    [InlineData("lr=NaN")]
    [InlineData("lr=100")]
    [InlineData("act=softmax")]
    [InlineData("act=17")]
    [InlineData("reg=l3")]
    [InlineData("rr=11")]
    [InlineData("problem=clustering")]
    [InlineData("f=x3,cos(x1)")]
    [InlineData("opt=sgdx")]
    [InlineData("dropout=0.95")]
    [InlineData("seed=-4")]
    [InlineData("seed=1.5")]
    [InlineData("mom=1")]
    [InlineData("b1=-0.1")]
    [InlineData("b2=1.5")]
    [InlineData("decay=x")]
    [InlineData("dataset=moons")]
    public void Parse_BadValue_FallsBackToTheDefault(string query)
    {
        var settings = PlaygroundUrl.Parse(query);

        Assert.Equal(new PlaygroundSettings(), settings);
    }

    [Fact]
    public void Parse_ClassificationSetWithRegression_TakesTheFirstRegressionSet()
    {
        var settings = PlaygroundUrl.Parse("problem=regression&dataset=circle");

        Assert.Equal("plane", settings.Dataset);
    }

    [Fact]
    public void ToDefinition_SendsOnlyTheParametersTheOptimizerReads()
    {
        var s = new PlaygroundSettings(Momentum: 0.5, Beta1: 0.8, Beta2: 0.99, Decay: 0.7);

        var momentum = (s with { Optimizer = OptimizerKind.Momentum }).ToDefinition(10).RequiredOptimizer.Parameters;
        var adam = (s with { Optimizer = OptimizerKind.Adam }).ToDefinition(10).RequiredOptimizer.Parameters;
        var rms = (s with { Optimizer = OptimizerKind.RMSProp }).ToDefinition(10).RequiredOptimizer.Parameters;
        var gd = s.ToDefinition(10);

        Assert.Equal(new Dictionary<string, double> { ["momentum"] = 0.5 }, momentum);
        Assert.Equal(new Dictionary<string, double> { ["beta1"] = 0.8, ["beta2"] = 0.99 }, adam);
        Assert.Equal(new Dictionary<string, double> { ["decay"] = 0.7 }, rms);
        Assert.Null(gd.RequiredOptimizer.Parameters);
        Assert.Equal(50, gd.RequiredTraining.FrameIntervalMs);
    }

    [Theory]
    [InlineData("?hide=controls", true)]
    [InlineData("?hide=nothing", false)]
    [InlineData("", false)]
    public void Parse_HideOption_SetsHideControlsOnlyForControls(string query, bool hidden)
    {
        var settings = PlaygroundUrl.Parse(query);

        var actual = settings.HideControls;

        Assert.Equal(hidden, actual);
    }
}
