using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.Domain.Organization;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Admin;

/// <summary>The pages of governments in a real browser: administration and the 시·도's overview, each checked with axe, the overview also at 390 px.</summary>
public class GovernmentPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_GovernmentAndDepartmentPages_PassAxe_AndErrorsStandBesideTheirFields()
    {
        var page = await fixture.SignedInPageAsync(Roles.Admin);
        foreach (var url in new[] { "/admin/governments", "/admin/governments/new", "/admin/departments", "/admin/departments/new" })
        {
            await page.GotoAsync(url);
            await page.AssertNoAxeViolationsAsync();
        }

        await page.GotoAsync("/admin/governments/new");
        await page.Locator("main button[type=submit]").First.ClickAsync();
        Assert.True(await page.Locator("[aria-invalid=true]").CountAsync() > 0);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task ProvinceOverview_PassesAxe_AndFitsA390PixelScreen()
    {
        var province = await fixture.Portal.AddGovernmentAsync("화면도", GovernmentLevel.Province);
        await fixture.Portal.AddGovernmentAsync("화면군", GovernmentLevel.Local, province, "사회적경제과");
        var userName = $"b-prov-{Guid.NewGuid():N}"[..20];
        await fixture.Portal.CreateUserInAsync(province, userName, Roles.Coordinator);
        var page = await fixture.SignInAsAsync(userName, Roles.Coordinator, width: 390);

        await page.GotoAsync("/province");
        Assert.Contains("화면군", await page.Locator("#province").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();
        var wide = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.krds-table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The page scrolls sideways at 390 px: " + wide);
    }
}
