using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

public class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostFormAsync("/account/signin", "/account/signin", fields);
    }

    [Fact]
    public async Task Anonymous_AnyPage_RedirectsToSignIn()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/plans", UriKind.Relative));

        Assert.True(response.IsRedirectTo("https://localhost/account/signin") || response.IsRedirectTo("/account/signin"), response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignIn_UnknownUserAndBadPassword_GiveTheSameAnswer()
    {
        await factory.CreateUserAsync("same-answer", Roles.Viewer);
        var client = factory.CreateClient();

        using var unknown = await TrySignInAsync(client, "nobody-here", "Wrong-Password-1");
        using var wrong = await TrySignInAsync(client, "same-answer", "Wrong-Password-1");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var unknownMessage = (await unknown.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text();
        var wrongMessage = (await wrong.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text();
        Assert.Equal(unknownMessage, wrongMessage);
        Assert.Contains("아이디 또는 비밀번호가 올바르지 않습니다", wrongMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccountForFifteenMinutes()
    {
        var user = await factory.CreateUserAsync("lock-me", Roles.Viewer);
        var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var failed = await TrySignInAsync(client, "lock-me", "Wrong-Password-1");
        }

        using var correct = await TrySignInAsync(client, "lock-me", PortalFactory.TestPassword);

        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.LockedOut && a.UserId == user.Id)));
    }

    [Fact]
    public async Task SignIn_Success_IsAuditedAndIssuesAHardenedCookie()
    {
        var user = await factory.CreateUserAsync("cookie-check", Roles.Viewer);
        var client = factory.CreateClient();

        using var response = await TrySignInAsync(client, "cookie-check", PortalFactory.TestPassword);

        Assert.True(response.IsRedirectTo("/"), response.Headers.Location?.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-se.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignIn && a.UserId == user.Id)));
    }

    [Fact]
    public async Task SignIn_TwiceInARow_IssuesANewCookieEachTime()
    {
        await factory.CreateUserAsync("fresh-cookie", Roles.Viewer);
        var client = factory.CreateClient();

        using var first = await TrySignInAsync(client, "fresh-cookie", PortalFactory.TestPassword);
        using var second = await TrySignInAsync(client, "fresh-cookie", PortalFactory.TestPassword);

        string AuthCookie(HttpResponseMessage r) => r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-se.auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.NotEqual(AuthCookie(first), AuthCookie(second));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_ForeignReturnUrl_GoesHomeInstead(string returnUrl)
    {
        var userName = $"ret-{Guid.NewGuid():N}"[..16];
        await factory.CreateUserAsync(userName, Roles.Viewer);

        using var response = await TrySignInAsync(factory.CreateClient(), userName, PortalFactory.TestPassword, returnUrl);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsFollowed()
    {
        await factory.CreateUserAsync("return-local", Roles.Viewer);

        using var response = await TrySignInAsync(factory.CreateClient(), "return-local", PortalFactory.TestPassword, "/plans");

        Assert.Equal("/plans", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_DeactivatedAccount_IsRefusedWithTheSameAnswer()
    {
        var user = await factory.CreateUserAsync("gone-user", Roles.Viewer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.IsActive = false;
            await users.UpdateAsync(stored);
        }

        using var response = await TrySignInAsync(factory.CreateClient(), "gone-user", PortalFactory.TestPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("아이디 또는 비밀번호가 올바르지 않습니다", (await response.DocumentAsync()).Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Is400()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" });

        using var response = await factory.CreateClient().PostAsync(new Uri("/account/signin", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedInPage_IsNotCachedAndCarriesSecurityHeaders()
    {
        var client = await factory.ClientForAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/plans", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Https_OutsideDevelopment_SendsHstsForAYear()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://portal.example.go.kr"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/account/signin", UriKind.Relative));

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_OutsideDevelopment_RedirectsToHttps()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("http://portal.example.go.kr"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/account/signin", UriKind.Relative));

        Assert.StartsWith("https://", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    public async Task OtherMethods_Are405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/account/signin", UriKind.Relative));

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
