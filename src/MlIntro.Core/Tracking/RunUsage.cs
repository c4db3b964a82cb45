namespace MlIntro.Core.Tracking;

/// <summary>
/// What a run costs, as experiment trackers (W&amp;B, MLflow) record it: attached to every epoch event (and a study's
/// progress).
/// </summary>
/// <param name="WallSeconds">Since the run started training (a run resumed after a restart: since it resumed).</param>
/// <param name="SamplesPerSecond">Training events through a model per second since the start: events per epoch × epochs
/// (of every model of a multi-model run) / wall time. Null when the run does not count its events (likelihood runs, studies).</param>
/// <param name="CpuShare">The whole process's CPU time over the last half second / wall time / cores, in [0, 1]: other
/// runs training at the same time count in it too.</param>
/// <param name="GpuUtilizationPercent">When training runs on CUDA: the first GPU's busy share over NVML's last sample
/// period (as nvidia-smi shows it), else null.</param>
/// <param name="GpuMemoryMiB">When training runs on CUDA: the first GPU's memory in use (every process's), else null.</param>
public sealed record RunUsage(
    double WallSeconds, double? SamplesPerSecond, double CpuShare, double? GpuUtilizationPercent = null, double? GpuMemoryMiB = null);
