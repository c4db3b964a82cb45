using Microsoft.Extensions.Options;
using MlIntro.Training;

namespace MlIntro.Web.Hosting;

/// <summary>
/// Ends runs past their lifetime (owner gone for <see cref="TrainingOptions.OrphanedRunLifetime"/>, or older than
/// <see cref="TrainingOptions.MaxRunDuration"/>), checking a tenth of the shorter limit apart (50 ms to 10 s), so that
/// runs whose owners left cannot hold the server's slots for hours.
/// </summary>
public sealed partial class RunLifetimeService(TrainingService training, IOptions<TrainingOptions> options, TimeProvider time, ILogger<RunLifetimeService> logger)
    : BackgroundService
{
    public static TimeSpan CheckInterval(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shorter = options.OrphanedRunLifetime < options.MaxRunDuration ? options.OrphanedRunLifetime : options.MaxRunDuration;
        return TimeSpan.FromTicks(Math.Clamp(shorter.Ticks / 10, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(10).Ticks));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval(options.Value), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    training.StopExpired();
                }
#pragma warning disable CA1031 // One failed check must not end the checks: the next tick tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogCheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking run lifetimes failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
