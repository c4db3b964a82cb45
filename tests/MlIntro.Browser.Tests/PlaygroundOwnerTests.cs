using Microsoft.Extensions.DependencyInjection;
using MlIntro.Training;
using MlIntro.Web.Hosting;

namespace MlIntro.Browser.Tests;

/// <summary>Issue 9 item 3 through a real circuit: a page's run belongs to the browser's cookie, not to the tab.</summary>
[Collection("browser")]
public sealed class PlaygroundOwnerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Play_RunOfThePage_IsOwnedByTheBrowsersCookie()
    {
        var training = fixture.App.Services.GetRequiredService<TrainingService>();
        var page = await PlaygroundPageTests.OpenAsync(fixture, "?dataset=circle&net=4,2&lr=0.03&batch=10&seed=6");
        await page.GetByTestId("play").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=epoch]').textContent.replace(/,/g, '')) >= 5");
        var id = (await page.GetByTestId("results-link").GetAttributeAsync("href"))!.Split('/')[^1];
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == ClientIdentity.CookieName);

        var stranger = Assert.Throws<UnauthorizedAccessException>(() => training.Pause(id, ClientIdentity.OwnerIdOf(ClientIdentity.NewToken())));
        var paused = training.Pause(id, ClientIdentity.OwnerIdOf(cookie.Value));
        await PlaygroundPageTests.CloseAsync(page);

        Assert.NotNull(stranger);
        Assert.True(paused, "the run answers to the owner the cookie names");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Playwright.SameSiteAttribute.Lax, cookie.SameSite);
    }
}
