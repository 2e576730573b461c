using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

public class TwoFactorTests : IClassFixture<TwoFactorTests.Factory>
{
    private readonly Factory _factory;

    public TwoFactorTests(Factory factory) => _factory = factory;

    /// <summary>The production default: Admins and Coordinators need an authenticator app.</summary>
    public sealed class Factory : PortalFactory
    {
        public Factory() => Settings["Security:RequireTwoFactorForPrivilegedRoles"] = "true";
    }

    [Fact]
    public async Task Coordinator_EnrolsThenSignsInWithACodeThatWorksOnce()
    {
        var user = await _factory.CreateUserAsync("tf-coordinator", Roles.Coordinator, PortalFactory.OwnDepartment);
        var client = await _factory.SignInAsync("tf-coordinator");

        // Until an authenticator is enrolled, every page leads to the enrolment page.
        using var blocked = await client.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.True(blocked.IsRedirectTo("/account/authenticator"), blocked.Headers.Location?.ToString());

        var page = await client.GetDocumentAsync("/account/authenticator");
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img")!.GetAttribute("src"), StringComparison.Ordinal);
        var key = page.QuerySelector(".portal-key")!.TextContent;
        using var enrolled = await client.PostFormAsync("/account/authenticator", "/account/authenticator", new() { ["Code"] = Totp.CodeAt(key) });
        Assert.True(enrolled.IsRedirectTo("/"), enrolled.Headers.Location?.ToString());
        using var open = await client.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        // Next sign-in: the password alone leads to the code step.
        var next = _factory.CreateClient();
        using var password = await next.PostFormAsync("/account/signin", "/account/signin", new() { ["UserName"] = "tf-coordinator", ["Password"] = PortalFactory.TestPassword });
        Assert.True(password.IsRedirectTo("/account/two-factor"), password.Headers.Location?.ToString());

        // The enrolment code cannot be replayed; the app's next code can.
        using var replay = await next.PostFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp.CodeAt(key) });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("이미 사용", (await replay.DocumentAsync()).QuerySelector("#Code-error")!.Text(), StringComparison.Ordinal);

        using var accepted = await next.PostFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp.CodeAt(key, stepsFromNow: 1) });
        Assert.True(accepted.IsRedirectTo("/"), accepted.Headers.Location?.ToString());
        using var signedIn = await next.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.TwoFactorEnabled && a.UserId == user.Id)));
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.TwoFactorFailed && a.UserId == user.Id)));
    }

    [Fact]
    public async Task Enrolment_WrongCode_IsRefusedBesideTheField()
    {
        await _factory.CreateUserAsync("tf-admin", Roles.Admin);
        var client = await _factory.SignInAsync("tf-admin");

        using var response = await client.PostFormAsync("/account/authenticator", "/account/authenticator", new() { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("인증 코드가 올바르지 않습니다", (await response.DocumentAsync()).QuerySelector("#Code-error")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_IsNotAskedForAnAuthenticator()
    {
        await _factory.CreateUserAsync("tf-viewer", Roles.Viewer);
        var client = await _factory.SignInAsync("tf-viewer");

        using var response = await client.GetAsync(new Uri("/plans", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TwoFactorPage_WithoutAPasswordStep_GoesBackToSignIn()
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri("/account/two-factor", UriKind.Relative));

        Assert.True(response.IsRedirectTo("/account/signin"), response.Headers.Location?.ToString());
    }
}
