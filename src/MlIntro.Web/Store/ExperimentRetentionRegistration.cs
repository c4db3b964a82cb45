namespace MlIntro.Web.Store;

public static class ExperimentRetentionRegistration
{
    /// <summary>
    /// <see cref="ExperimentRetention"/> with its options (section "Retention"). Register after the store, so that its
    /// first pass runs once the schema exists (hosted services start in registration order).
    /// </summary>
    public static IHostApplicationBuilder AddExperimentRetention(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ExperimentRetentionOptions>().BindConfiguration(ExperimentRetentionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        // Stateless (a context per call): a second instance beside the IExperimentStore one is harmless, and a test that
        // replaces IExperimentStore still gets retention on the real database.
        builder.Services.AddSingleton<EfExperimentStore>();
        builder.Services.AddHostedService<ExperimentRetention>();
        return builder;
    }
}
