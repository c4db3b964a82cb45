using System.Text.Json;
using Bunit;
using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;

namespace MlIntro.Web.Tests.Widgets;

/// <summary>One call into Plotly.Blazor's JS module, with its arguments as JSON taken when the call was made.</summary>
public sealed record PlotlyCall(string Method, JsonElement Arguments)
{
    /// <summary>The traces of a newPlot or react call.</summary>
    public JsonElement Traces => Arguments[1];

    public JsonElement Layout => Arguments[2];

    /// <summary>The x values of each trace an extendTraces call extends.</summary>
    public double[][] ExtendedX => Numbers(Arguments[1]);

    public double?[][] ExtendedY => Arguments[2].EnumerateArray().Select(t => t.EnumerateArray().Select(NumberOrNull).ToArray()).ToArray();

    public int[] ExtendedTraces => Arguments[3].EnumerateArray().Select(i => i.GetInt32()).ToArray();

    public double[] X(int trace) => Traces[trace].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public double?[] Y(int trace) => Traces[trace].GetProperty("y").EnumerateArray().Select(NumberOrNull).ToArray();

    public string Name(int trace) => Traces[trace].GetProperty("name").GetString()!;

    private static double? NumberOrNull(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static double[][] Numbers(JsonElement arrays) => arrays.EnumerateArray().Select(t => t.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
}

/// <summary>
/// Plotly.Blazor's JS module as a bUnit test sees it. newPlot, react and extendTraces are recorded as JSON when they
/// are made: Plotly.Blazor hands over lazy sequences over the chart's live traces, which would show later points if
/// read afterwards. The JSON uses the web defaults, which refuse NaN as Blazor's own interop does.
/// </summary>
public sealed class PlotlyModule : JSRuntimeInvocationHandlerBase<IJSVoidResult>
{
    public const string Path = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private readonly List<PlotlyCall> _calls = [];
    private TaskCompletionSource<IJSVoidResult> _newPlotDrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlotlyModule()
        : base(invocation => invocation.Identifier is "newPlot" or "react" or "extendTraces", isCatchAllHandler: false)
    {
        _newPlotDrawn.SetResult(default!);
    }

    /// <summary>Every extendTraces call fails, as plotly's did on a loaded machine.</summary>
    public bool FailsExtend { get; set; }

    public static PlotlyModule SetUp(BunitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var module = context.JSInterop.SetupModule(Path);
        module.Mode = JSRuntimeMode.Loose;
        var plotly = new PlotlyModule();
        module.AddInvocationHandler(plotly);
        return plotly;
    }

    /// <summary>From now on newPlot does not finish until <see cref="FinishNewPlot"/>: a chart is not ready before.</summary>
    public void HoldNewPlot() => _newPlotDrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PlotlyCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<PlotlyCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public void FinishNewPlot() => _newPlotDrawn.TrySetResult(default!);

    protected override Task<IJSVoidResult> HandleAsync(JSRuntimeInvocation invocation)
    {
        var arguments = JsonSerializer.SerializeToElement(invocation.Arguments, Json);
        lock (_gate)
        {
            _calls.Add(new PlotlyCall(invocation.Identifier, arguments));
        }
        return invocation.Identifier switch
        {
            "newPlot" => _newPlotDrawn.Task,
            "extendTraces" when FailsExtend => Task.FromException<IJSVoidResult>(new JSException("plotly could not extend the traces")),
            _ => Task.FromResult<IJSVoidResult>(default!),
        };
    }
}
