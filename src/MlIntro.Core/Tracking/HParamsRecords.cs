using MlIntro.Core.Tuning;

namespace MlIntro.Core.Tracking;

/// <summary>
/// The TensorBoard HParams plugin's per-session records (tensorboard/plugins/hparams/plugin_data.proto), written by hand:
/// a trial's session start (its hyperparameters) and end (its status). With them in each trial's folder, TensorBoard's
/// HParams dashboard lists the study's trials in its table and parallel coordinates, with the trials' scalars as metrics.
/// </summary>
public static class HParamsRecords
{
    public const string Plugin = "hparams";
    public const string StartTag = "_hparams_/session_start_info";
    public const string EndTag = "_hparams_/session_end_info";

    /// <summary>HParamsPluginData { version = 0, session_start_info = 3 { hparams = 1 (map), group_name = 4, start_time_secs = 5 } }.</summary>
    public static byte[] SessionStart(TrialRecord trial, IReadOnlyList<SearchDimension> dimensions, string group, double startTime)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(dimensions);
        var data = new ProtoWriter();
        data.Message(3, start =>
        {
            foreach (var dimension in dimensions.Where(d => trial.Values.ContainsKey(d.Name)))
            {
                var value = trial.Values[dimension.Name];
                start.Message(1, entry =>
                {
                    entry.Text(1, dimension.Name);
                    // google.protobuf.Value: number_value = 2, string_value = 3
                    entry.Message(2, v =>
                    {
                        if (dimension.Kind == DimensionKind.Categorical)
                        {
                            v.Text(3, dimension.Format(value));
                        }
                        else
                        {
                            v.Fixed64(2, value);
                        }
                    });
                });
            }
            start.Text(4, group);
            start.Fixed64(5, startTime);
        });
        return data.ToArray();
    }

    /// <summary>HParamsPluginData { session_end_info = 4 { status = 1, end_time_secs = 2 } }; status 1 success, 2 failure.</summary>
    public static byte[] SessionEnd(TrialRecord trial, double endTime)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var data = new ProtoWriter();
        data.Message(4, end =>
        {
            end.Varint(1, trial.State is TrialState.Complete or TrialState.Pruned ? 1UL : 2UL);
            end.Fixed64(2, endTime);
        });
        return data.ToArray();
    }
}
