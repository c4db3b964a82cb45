using MlIntro.Web.Store;

namespace MlIntro.Web.Hosting;

/// <summary>Fails start-up with one sentence, not a stack trace, when the experiment database cannot be used.</summary>
public static class StoreStartupCheck
{
    /// <summary>Process exit code when the store cannot be used (1 is torch failing to load).</summary>
    public const int ExitCode = 3;

    public static async Task<bool> PassesAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        try
        {
            await services.InitializeExperimentStoreAsync(cancellationToken);
            return true;
        }
        catch (ExperimentStoreUnusableException ex)
        {
            await Console.Error.WriteLineAsync("MlIntro cannot start: " + ex.Message);
            return false;
        }
    }
}
