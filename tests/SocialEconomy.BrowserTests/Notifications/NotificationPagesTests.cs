using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Features.Notifications;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Notifications;

/// <summary>알림 and 알림 설정 in a real browser, by keyboard, checked with axe, at 390 px too.</summary>
public class NotificationPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Notices_ShowInTheHeader_OpenByKeyboard_AndThePagesPassAxeAt390Pixels()
    {
        var userName = $"b-note-{Guid.NewGuid():N}"[..20];
        var user = await fixture.Portal.CreateUserAsync(userName, Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var planId = await fixture.Portal.SeededPlanIdAsync();
        await fixture.Portal.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification(user.Id, user.LocalGovernmentId, NoticeKind.Returned, "2018년 1-1 실적이 반려되었습니다", "반려 사유: 근거 자료를 첨부하세요\n고쳐서 다시 제출하세요.", new(NoticePage.ResultEntry, planId, 2018, "1-1"), $"browser:{Guid.NewGuid():N}", DateTime.UtcNow, mail: false));
            return await db.SaveChangesAsync();
        });

        var page = await fixture.SignInAsAsync(userName, Roles.DepartmentOfficer, width: 390);

        // The header names the count; the link is reached and followed by keyboard.
        var link = page.Locator("header a.portal-notice-link");
        Assert.Equal("1", (await link.Locator(".portal-badge").InnerTextAsync()).Trim());
        Assert.Contains("읽지 않음", await link.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/notifications");
        Assert.Contains("반려 사유: 근거 자료를 첨부하세요", await page.Locator(".portal-notice-list").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "알림 scrolls sideways at 390 px");

        var open = page.Locator(".portal-notice-list button").First;
        Assert.Contains("바로 가기", await open.InnerTextAsync(), StringComparison.Ordinal);
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/results/{planId}/2018/1-1");
        Assert.Equal(0, await page.Locator(".portal-notice-link .portal-badge").CountAsync());

        // 알림 설정: a bad address is refused beside the field, what was typed stays.
        await page.GotoAsync("/notifications/settings");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("전자우편 주소").FillAsync("주소아님");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        Assert.Contains("전자우편 주소 형식이 올바르지 않습니다", await page.Locator("#Input_Email-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("주소아님", await page.GetByLabel("전자우편 주소").InputValueAsync());
        Assert.Equal("true", await page.GetByLabel("전자우편 주소").GetAttributeAsync("aria-invalid"));
        await page.AssertNoAxeViolationsAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "알림 설정 scrolls sideways at 390 px");
        await page.Context.CloseAsync();
    }
}
