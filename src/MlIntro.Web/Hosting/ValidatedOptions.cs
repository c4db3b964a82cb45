namespace MlIntro.Web.Hosting;

internal static class ValidatedOptions
{
    /// <summary>Options bound from a configuration section and checked at start: a wrong value stops the app with <paramref name="message"/>.</summary>
    public static IServiceCollection AddValidated<T>(this IServiceCollection services, string section, Func<T, bool> valid, string message)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).Validate(valid, message).ValidateOnStart();
        return services;
    }
}
