using System.Text.Json;
using Microsoft.Playwright;
using MlIntro.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace MlIntro.Browser.Tests;

/// <summary>The output map the browser computes from the frames' weights (issue 10, items 1 and 2).</summary>
[Collection("browser")]
public sealed class PlaygroundMapTests(BrowserFixture fixture)
{
    private const string MapEpochAtLeast = "n => Number(document.getElementById('playground-boundary')?.getAttribute('data-map-epoch') ?? -1) >= n";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record BrowserGrid(int Resolution, double Min, double Max, int Epoch, double[] Output, float[] Params, int[] Sizes,
        string[] Features, string Activation, string Problem);

    private static async Task<BrowserGrid> GridAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(mlintro.playground.grid())");
        return JsonSerializer.Deserialize<BrowserGrid>(json, Json)!;
    }

    /// <summary>TorchSharp's forward pass of the same weights at the same grid points: the server's arithmetic, not the page's.</summary>
    private static float[] TorchOutputs(BrowserGrid grid)
    {
        using var scope = NewDisposeScope();
        var n = grid.Resolution;
        var points = new float[2 * n * n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                points[2 * (r * n + c)] = (float)(grid.Min + (grid.Max - grid.Min) * (c + 0.5) / n);
                points[2 * (r * n + c) + 1] = (float)(grid.Min + (grid.Max - grid.Min) * (r + 0.5) / n);
            }
        }
        var h = tensor(PlaneFeatures.Expand(points, grid.Features), [n * n, grid.Features.Length]);
        var at = 0;
        for (var l = 1; l < grid.Sizes.Length; l++)
        {
            var (inputs, outputs) = (grid.Sizes[l - 1], grid.Sizes[l]);
            var w = tensor(grid.Params.AsSpan(at, inputs * outputs).ToArray(), [outputs, inputs]);
            at += inputs * outputs;
            var b = tensor(grid.Params.AsSpan(at, outputs).ToArray(), [outputs]);
            at += outputs;
            h = h.matmul(w.t()).add(b);
            if (l < grid.Sizes.Length - 1)
            {
                h = grid.Activation switch
                {
                    "ReLU" => nn.functional.relu(h),
                    "Sigmoid" => h.sigmoid(),
                    "Linear" => h,
                    _ => h.tanh(),
                };
            }
        }
        var shown = grid.Problem == "Regression" ? h.squeeze(1) : h.sigmoid().squeeze(1);
        return shown.data<float>().ToArray();
    }

    [Theory]
    [InlineData("?dataset=xor&f=x1,x2,x1%5E2,x2%5E2,x1*x2,sin(x1),sin(x2)&net=5,3&act=tanh&lr=0.1&seed=5")]
    [InlineData("?dataset=spiral&f=x1,x2,sin(x1)&net=8,8,8,8,8,8&act=relu&lr=0.03&seed=6")]
    [InlineData("?dataset=plane&problem=regression&f=x1,x2,x1*x2&net=4&act=sigmoid&lr=0.03&seed=7")]
    public async Task Map_AfterTraining_MatchesTorchSharpOnTheSameWeightsWithin1e4(string query)
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, query);
        for (var i = 0; i < 3; i++)
        {
            await page.GetByTestId("step").ClickAsync();
            await Assertions.Expect(page.GetByTestId("epoch")).ToHaveTextAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await page.WaitForFunctionAsync(MapEpochAtLeast, 3);

        var grid = await GridAsync(page);
        var expected = TorchOutputs(grid);
        var worst = expected.Select((e, i) => Math.Abs(e - grid.Output[i])).Max();

        Assert.Equal(100 * 100, grid.Output.Length);
        Assert.Equal(3, grid.Epoch);
        Assert.True(worst <= 1e-4, $"browser map and TorchSharp differ by up to {worst:G3}");
        Assert.True(expected.Max() - expected.Min() > 1e-3, "the map should not be flat (a trivial match)");
        await PlaygroundPageTests.CloseAsync(page);
    }

    [Fact]
    public async Task Load_BeforePlay_ShowsTheUntrainedOutputWithALegendOnSquareAxes()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=4,2&seed=3");

        await page.WaitForFunctionAsync(MapEpochAtLeast, 0);
        var grid = await GridAsync(page);
        var shape = await page.EvaluateAsync<double[]>("""
            async () => {
              const gd = document.getElementById('playground-boundary');
              const x = gd._fullLayout.xaxis, y = gd._fullLayout.yaxis, map = gd.layout.images[0];
              const picture = new Image();
              picture.src = map.source;
              await picture.decode();
              return [picture.naturalWidth, picture.naturalHeight, gd.data[0].showscale ? 1 : 0, x._length, y._length,
                      x.range[1] - x.range[0], y.range[1] - y.range[0], document.querySelectorAll('#playground-boundary .colorbar').length,
                      map.sizex, map.sizey];
            }
            """);

        Assert.Equal("0", await page.GetByTestId("epoch").InnerTextAsync());
        Assert.Equal(0, grid.Epoch);
        Assert.True(grid.Output.Max() - grid.Output.Min() > 1e-3, "the untrained output should be drawn, not a flat placeholder");
        Assert.Equal(100, shape[0]);
        Assert.Equal(100, shape[1]);
        Assert.Equal(1, shape[2]);
        Assert.Equal(shape[3], shape[4], 1.0); // as many pixels across as up
        Assert.Equal(shape[5], shape[6], 1e-9); // the same range on both axes
        Assert.Equal(shape[5], shape[8], 1e-9); // the picture covers the axes
        Assert.Equal(shape[6], shape[9], 1e-9);
        Assert.True(shape[7] >= 1, "a colour bar should be drawn");
        await PlaygroundPageTests.CloseAsync(page);
    }

    [Fact]
    public async Task Discretize_And_HoverANeuron_ChangeTheBigMap()
    {
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=4,2&seed=3");
        await page.WaitForFunctionAsync(MapEpochAtLeast, 0);
        // The distinct colours of the picture the chart shows.
        const string Colours = """
            async () => {
              const picture = new Image();
              picture.src = document.getElementById('playground-boundary').layout.images[0].source;
              await picture.decode();
              const canvas = document.createElement('canvas');
              canvas.width = picture.naturalWidth; canvas.height = picture.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(picture, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data, seen = new Set();
              for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
              return seen.size;
            }
            """;
        var smooth = await page.EvaluateAsync<int>(Colours);

        await page.GetByText("Discretize output").ClickAsync();
        var discrete = await page.EvaluateAsync<int>(Colours);
        for (var tries = 0; discrete > 2 && tries < 100; tries++)
        {
            await page.WaitForTimeoutAsync(100);
            discrete = await page.EvaluateAsync<int>(Colours);
        }
        await page.Locator("#neuron-2").HoverAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('playground-boundary').getAttribute('data-map') === 'neuron-2'");
        await page.Mouse.MoveAsync(5, 5);
        await page.WaitForFunctionAsync("() => document.getElementById('playground-boundary').getAttribute('data-map') === 'output'");
        var biases = await page.Locator("#nn-diagram .nn-bias").CountAsync();

        Assert.True(smooth > 100, $"a smooth map has many values, got {smooth}");
        Assert.True(discrete <= 2, $"a discretized map has two values, got {discrete}");
        Assert.Equal(4 + 2 + 1, biases);
        await PlaygroundPageTests.CloseAsync(page);
    }
}
