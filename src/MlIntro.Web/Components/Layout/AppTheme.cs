using MudBlazor;

namespace MlIntro.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme with status colours dark enough for white text (WCAG AA, 4.5:1): the defaults (#00c853 success,
/// #2196f3 info, #ff9800 warning, #f44336 error) gave 1.9–3.7:1, which axe-core reports as serious on status chips.
/// </summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Success = "#2e7d32",  // 5.1:1
            Info = "#01579b",     // 7.4:1
            Warning = "#a84300",  // 6.1:1
            Error = "#c62828",    // 5.6:1
        },
    };
}
