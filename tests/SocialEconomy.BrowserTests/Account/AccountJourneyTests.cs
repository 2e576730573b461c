using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Account;

public class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesMySubProjects()
    {
        var userName = $"kb-{Guid.NewGuid():N}"[..16];
        await fixture.Portal.CreateUserAsync(userName, Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/my/subprojects");
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        // The sign-in field has focus on arrival; tab to the password, Enter submits.
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(PortalFactory.TestPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/my/subprojects");

        Assert.Equal("1-3", (await page.Locator("tbody tr td:nth-child(2)").AllTextContentsAsync()).Single().Trim());
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheMessageAndKeepsTheName()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("아이디").FillAsync("someone");
        await page.GetByLabel("비밀번호").FillAsync("Wrong-Password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();

        Assert.Contains("아이디 또는 비밀번호가 올바르지 않습니다", await page.Locator(".portal-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("someone", await page.GetByLabel("아이디").InputValueAsync());
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task ChangePassword_InvalidInput_ErrorsAreLinkedAndAccessible()
    {
        var page = await fixture.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync("/account/change-password");
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("현재 비밀번호").FillAsync(PortalFactory.TestPassword);
        await page.GetByLabel("새 비밀번호", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("새 비밀번호 확인").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "변경" }).ClickAsync();

        var field = page.GetByLabel("새 비밀번호", new() { Exact = true });
        Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
        Assert.Contains("10자 이상", await page.Locator("#NewPassword-error").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task SessionTimer_ExtendButton_RenewsTheSession()
    {
        var page = await fixture.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync("/plans");
        Assert.Matches(@"^\d\d:\d\d$", (await page.Locator("[data-session-clock]").TextContentAsync())!.Trim());

        await page.GetByRole(AriaRole.Button, new() { Name = "시간 연장" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-session-warning]")).ToHaveTextAsync("로그인 시간을 연장했습니다.");
    }

    [Fact]
    public async Task Denied_AdminPageForAViewer_ShowsTheKoreanDeniedPage()
    {
        var page = await fixture.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync("/admin/audit");

        Assert.Contains("/account/denied", page.Url, StringComparison.Ordinal);
        Assert.Equal("접근 권한이 없습니다", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Authenticator_EnrolmentPage_PassesAxe()
    {
        var page = await fixture.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync("/account/authenticator");

        Assert.True(await page.Locator("img[alt]").IsVisibleAsync());
        await page.AssertNoAxeViolationsAsync();
    }
}
