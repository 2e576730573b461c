using System.Net;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

/// <summary>
/// Opening the authenticator page creates the account's key, which changes its security
/// stamp; the page refreshes its own sign-in so the stamp check does not end the session
/// (found when a slower authorization matrix outlasted the 60 s check interval).
/// </summary>
public sealed class AuthenticatorSessionTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task OpeningTheAuthenticatorPage_KeepsTheSessionSignedIn()
    {
        var client = await _factory.ClientForAsync(Roles.Viewer);
        using (var page = await client.GetAsync(new Uri("/account/authenticator", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var next = await client.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
