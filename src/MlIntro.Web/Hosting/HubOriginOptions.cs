namespace MlIntro.Web.Hosting;

/// <summary>
/// Which web pages may open connections to the hub and to Blazor's circuits (configuration section "Hub"). The app's
/// own pages (same origin) always may; a request without an Origin header (the .NET client, a notebook) may too.
/// </summary>
public sealed class HubOriginOptions
{
    public const string Section = "Hub";

    /// <summary>Further origins such as <c>https://lab.example.org</c>, or <c>*</c> for any.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    public bool IsValid => AllowedOrigins.All(o => o == "*" || Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/");
}
