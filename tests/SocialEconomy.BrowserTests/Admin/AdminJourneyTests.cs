using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Admin;

/// <summary>The administrator's and coordinator's pages in a real browser, each checked with axe.</summary>
public class AdminJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesAnOfficer_EveryPagePassesAxe()
    {
        var page = await fixture.SignedInPageAsync(Roles.Admin);
        await page.GotoAsync("/admin/users");
        await page.AssertNoAxeViolationsAsync();

        await page.GotoAsync("/admin/users/new");
        await page.AssertNoAxeViolationsAsync();

        // Submitting empty shows every error beside its field, and the page stays accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "등록" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();

        var userName = $"new-{Guid.NewGuid():N}"[..14];
        await page.GetByLabel("아이디").FillAsync(userName);
        await page.GetByLabel("이름").FillAsync("새 담당자");
        // KRDS draws the checkbox on its label, which is what a person clicks.
        await page.Locator("label", new() { HasTextString = Roles.Label(Roles.DepartmentOfficer) }).ClickAsync();
        await page.Locator("label", new() { HasTextString = PortalFactory.OtherDepartment }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "등록" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/users/*/edit");
        await page.AssertNoAxeViolationsAsync();

        Assert.True(await fixture.Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName && u.MustChangePassword)));
    }

    [Fact]
    public async Task Coordinator_AuditAndTablesAndRevisionPages_PassAxe()
    {
        var id = await fixture.Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        foreach (var url in new[] { "/admin/audit", $"/plans/{id}/subprojects/2-3/tables", $"/plans/{id}/revisions", "/my/subprojects", "/plans/new", $"/plans/{id}/structure", "/plans/import" })
        {
            await page.GotoAsync(url);
            await page.AssertNoAxeViolationsAsync();
        }

        // A bad cell: the error is shown beside it and the page is still accessible.
        await page.GotoAsync($"/plans/{id}/subprojects/1-1/tables");
        var firstCell = page.Locator("input.portal-cell-input:not([disabled])").First;
        await firstCell.FillAsync("-3");
        await page.GetByLabel("변경 사유 (필수)").FillAsync("시험");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        Assert.Equal("true", await page.Locator("input.portal-cell-input").First.GetAttributeAsync("aria-invalid"));
        await page.AssertNoAxeViolationsAsync();
    }
}
