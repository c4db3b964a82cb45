using System.Buffers.Text;
using System.Net;
using System.Text;
using MlIntro.Core.Experiments;
using MlIntro.Web.Components.Lessons;
using MlIntro.Web.Tests.Infrastructure;

namespace MlIntro.Web.Tests.Hardening.Web;

/// <summary>
/// Issue 9 item 7: a fork link with a partial definition (<c>/optimizers?d=</c> with a racer without optimizer, or a
/// surface without name) gave HTTP 500. Every lesson now reads its link as the hub reads a Start: a damaged or partial
/// link, or one of another lesson, gives the page (HTTP 200) with a sentence saying why its settings were not used.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class ForkLinkTests(SharedApp shared)
{
    private const string Racer = """{ "name": "GD 0.1", "optimizer": { "kind": "GD", "learningRate": 0.1 } }""";

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static TheoryData<string, string, string> BrokenLinks()
    {
        var data = new TheoryData<string, string, string>
        {
            // The two links.
            { "/optimizers", Encode("""{"race":[{"name":"a"}],"surface":{"name":"lecture"}}"""), "Invalid experiment:" },
            { "/optimizers", Encode("""{"surface":{"name":null}}"""), "Invalid experiment:" },
            // The same with the lesson named, so that the validator (not the reader) refuses them.
            { "/optimizers", Encode("""{"lesson":"Optimizers","race":[{"name":"a"}],"surface":{"name":"lecture"}}"""), "Race[0]" },
            { "/optimizers", Encode("""{"lesson":"Optimizers","race":[""" + Racer + """],"surface":{"name":null}}"""), "Invalid experiment:" },
            { "/optimizers", Encode("""{"lesson":"Optimizers","race":[""" + Racer + """],"data":{"name":"test-blobs"}}"""), "Invalid experiment:" },
            { "/optimizers", Encode("""{"lesson":"Optimizers"}"""), "Invalid experiment:" },
        };
        foreach (var (path, lesson) in new[] { ("/playground", "Playground"), ("/optimizers", "Optimizers"), ("/evaluation", "Evaluation"), ("/jets", "Jets") })
        {
            data.Add(path, "not-base64!", "The link is damaged");
            data.Add(path, Encode("{"), "The link is damaged");
            data.Add(path, Encode("[1, 2]"), "Invalid experiment:");
            data.Add(path, Encode("null"), "no experiment definition");
            data.Add(path, Encode("{}"), "Invalid experiment:");
            data.Add(path, Encode($$$"""{"lesson":"{{{lesson}}}","data":{"name":"test-blobs"},"model":{"hiddenLayers":null}}"""), "Invalid experiment:");
            data.Add(path, Encode($$$"""{"lesson":"{{{lesson}}}","data":{"name":"test-blobs","points":-5},"model":{"hiddenLayers":[{"neurons":4}]},"optimizer":{"kind":"Adam","learningRate":0.01},"training":{"epochs":3,"batchSize":10}}"""), "Data.Points");
        }
        foreach (var (path, lesson) in new[] { ("/playground", "Playground"), ("/evaluation", "Evaluation"), ("/jets", "Jets") })
        {
            data.Add(path, Encode($$$"""{"lesson":"{{{lesson}}}","race":[{{{Racer}}}],"surface":{"name":"lecture"}}"""), "Races belong to the Optimizers lesson.");
        }
        data.Add("/optimizers", Encode("""{"lesson":"Optimizers","data":{"name":"test-blobs"},"model":{"hiddenLayers":[]},"optimizer":{"kind":"GD","learningRate":0.1},"training":{"epochs":3,"batchSize":10}}"""), "hold a race");
        data.Add("/jets", DefinitionLink.ForLesson(Definitions.SmallMlp()).Split('=')[1], "settings of the");
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenLinks))]
    public async Task LessonPage_BrokenForkLink_Gives200AndSaysWhy(string path, string encoded, string expected)
    {
        using var timeout = HubClient.Timeout();
        using var client = shared.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"{path}?{DefinitionLink.QueryKey}={encoded}", UriKind.Relative), timeout.Token);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(timeout.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"fork-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("This link's settings cannot be used", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LessonPage_ValidForkLink_UsesItWithoutAProblem()
    {
        using var timeout = HubClient.Timeout();
        using var client = shared.Factory.CreateClient();
        var link = DefinitionLink.ForLesson(Definitions.SmallMlp(epochs: 7) with { Seed = 42 });

        using var response = await client.GetAsync(new Uri(link, UriKind.Relative), timeout.Token);
        var html = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("fork-problem", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lesson-heading\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/e/not-an-id")]
    [InlineData("/e/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task SharedPage_UnknownId_Gives200AndSaysSo(string path)
    {
        using var timeout = HubClient.Timeout();
        using var client = shared.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), timeout.Token);
        var html = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No experiment with id", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }
}
