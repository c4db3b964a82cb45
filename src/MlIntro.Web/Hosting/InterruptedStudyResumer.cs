using Microsoft.Extensions.Options;
using MlIntro.Core.Experiments;
using MlIntro.Training;
using MlIntro.Training.Scheduling;

namespace MlIntro.Web.Hosting;

/// <summary>
/// At start-up, trains on every study the last server stop interrupted, in the same run (<c>/e/{id}</c> goes on and its
/// watchers see it continue): finished trials are kept, trials that were training start again from scratch. Off with
/// <c>Training:ResumeInterruptedStudies=false</c>; the studies then stay interrupted and can be resumed as a new run
/// (<c>Study.ResumeFrom</c>).
/// </summary>
internal sealed class InterruptedStudyResumer(
    IInterruptedRuns interrupted, TrainingService training, IOptions<TrainingOptions> options, ILogger<InterruptedStudyResumer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ResumeInterruptedStudies)
        {
            return;
        }
        foreach (var study in await interrupted.InterruptedStudiesAsync(stoppingToken))
        {
            try
            {
                await training.ResumeAsync(study, token => interrupted.ReopenAsync(study.Id, token), stoppingToken);
            }
            catch (Exception ex) when (ex is TrainingRejectedException or InvalidExperimentException)
            {
                // Left interrupted: its owner can still resume it by hand (Study.ResumeFrom) once the server has room.
                logger.LogWarning("Study {RunId} was not resumed: {Reason}", study.Id, ex.Message);
            }
        }
    }
}
