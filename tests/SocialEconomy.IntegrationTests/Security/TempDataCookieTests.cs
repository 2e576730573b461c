using System.Net;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Security;

/// <summary>
/// TempData carries a new user's one-time password from the create form to the edit page, so
/// its cookie gets the rules of the sign-in cookie outside Development: __Host-, Secure,
/// HttpOnly. Before, it was ASP.NET Core's default ".AspNetCore.Mvc.CookieTempDataProvider".
/// </summary>
public class TempDataCookieTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public TempDataCookieTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task CreateUser_TempDataCookieCarryingThePassword_IsHostPrefixedSecureAndHttpOnly()
    {
        var admin = await _factory.ClientForAsync(Roles.Admin);
        using var response = await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Input.UserName"] = "tempdata-user",
            ["Input.DisplayName"] = "임시 사용자",
            ["Input.Roles"] = Roles.Viewer,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("se.td=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-se.td=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("CookieTempDataProvider", StringComparison.Ordinal));
    }
}
