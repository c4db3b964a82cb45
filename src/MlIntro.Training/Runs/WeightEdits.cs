using Microsoft.Extensions.Logging;
using MlIntro.Training.Models;

namespace MlIntro.Training.Runs;

/// <summary>Applies a run's queued <see cref="MlIntro.Core.Experiments.WeightEdit"/>s to its network between epochs.</summary>
internal static partial class WeightEdits
{
    /// <summary>True when at least one edit changed the network (a new frame is then due).</summary>
    public static bool Apply(ExperimentRun run, Mlp model, ILogger logger)
    {
        var changed = false;
        foreach (var edit in run.Control.TakeEdits())
        {
            if (edit.IsValid && model.SetWeight(edit.Layer, edit.To, edit.From, (float)edit.Value))
            {
                changed = true;
            }
            else
            {
                LogIgnored(logger, run.Id, edit.Layer, edit.To, edit.From);
            }
        }
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Id}: weight edit ignored (layer {Layer}, to {To}, from {From} is not in the network)")]
    private static partial void LogIgnored(ILogger logger, string id, int layer, int to, int from);
}
