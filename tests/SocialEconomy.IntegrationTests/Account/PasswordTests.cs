using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

public class PasswordTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public PasswordTests(PortalFactory factory) => _factory = factory;

    [Theory]
    [InlineData("short1!A", true)]          // 8 chars, 4 kinds
    [InlineData("abcdefgh12", true)]        // 10 chars, 2 kinds
    [InlineData("abcdefg12", false)]        // 9 chars, 2 kinds
    [InlineData("abcdefgh", false)]         // 8 chars, 1 kind
    [InlineData("abcdef1!", true)]          // 8 chars, 3 kinds
    [InlineData("Password1!", false)]       // common
    public async Task Policy_KoreanAuditRule(string password, bool accepted)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var validator = scope.ServiceProvider.GetServices<IPasswordValidator<AppUser>>().Single();

        var result = await validator.ValidateAsync(users, new AppUser("policy-user", "정책", 1), password);

        Assert.Equal(accepted, result.Succeeded);
        Assert.All(result.Errors, e => Assert.Matches("[가-힣]", e.Description));
    }

    [Fact]
    public async Task ChangePassword_ToTheCurrentOne_IsRefusedBesideTheField()
    {
        await _factory.CreateUserAsync("same-pass", Roles.Viewer);
        var client = await _factory.SignInAsync("same-pass");

        using var response = await client.PostFormAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = PortalFactory.TestPassword,
            ["NewPassword"] = PortalFactory.TestPassword,
            ["ConfirmPassword"] = PortalFactory.TestPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Contains("다시 사용할 수 없습니다", document.QuerySelector("#NewPassword-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("NewPassword-error", document.QuerySelector("#NewPassword")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task ChangePassword_ThenTheOldOneAgain_IsRefusedAsThePreviousPassword()
    {
        await _factory.CreateUserAsync("cycle-pass", Roles.Viewer);
        var client = await _factory.SignInAsync("cycle-pass");
        const string second = "Another-Password-77";

        using var changed = await client.PostFormAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = PortalFactory.TestPassword,
            ["NewPassword"] = second,
            ["ConfirmPassword"] = second,
        });
        Assert.True(changed.IsRedirectTo("/"));

        using var back = await client.PostFormAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = second,
            ["NewPassword"] = PortalFactory.TestPassword,
            ["ConfirmPassword"] = PortalFactory.TestPassword,
        });

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("직전 비밀번호", (await back.DocumentAsync()).QuerySelector("#NewPassword-error")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcedChange_AfterReset_EveryPageLeadsToTheChangeForm()
    {
        var user = await _factory.CreateUserAsync("forced-change", Roles.Viewer);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.MustChangePassword = true;
            await users.UpdateAsync(stored);
        }

        var client = await _factory.SignInAsync("forced-change");
        using var blocked = await client.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.True(blocked.IsRedirectTo("/account/change-password"), blocked.Headers.Location?.ToString());

        using var changed = await client.PostFormAsync("/account/change-password", "/account/change-password", new()
        {
            ["CurrentPassword"] = PortalFactory.TestPassword,
            ["NewPassword"] = "Brand-New-Pass-42",
            ["ConfirmPassword"] = "Brand-New-Pass-42",
        });
        Assert.True(changed.IsRedirectTo("/"));

        using var open = await client.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordChanged && a.UserId == user.Id)));
    }

    [Fact]
    public async Task SignOut_EndsTheUsersOtherSessions()
    {
        await _factory.CreateUserAsync("two-browsers", Roles.Viewer);
        var first = await _factory.SignInAsync("two-browsers");
        var second = await _factory.SignInAsync("two-browsers");
        using (var before = await second.GetAsync(new Uri("/plans", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await first.PostFormAsync("/plans", "/account/signout", []);
        Assert.True(signOut.IsRedirectTo("/account/signin"));

        using var after = await second.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Contains("/account/signin", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
