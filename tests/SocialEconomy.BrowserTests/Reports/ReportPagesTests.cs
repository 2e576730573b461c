using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Reports;

/// <summary>The print view on screen: reached from the plan's finance page by keyboard, and checked by axe.</summary>
public class ReportPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheFinanceReport_OpensFromThePlan_AndPassesAxe()
    {
        var planId = await fixture.Portal.SeededPlanIdAsync();
        var viewer = await fixture.SignedInPageAsync(Roles.Viewer);
        await viewer.GotoAsync($"/plans/{planId}/finance");
        await viewer.GetByRole(AriaRole.Link, new() { Name = "인쇄용 보기" }).FocusAsync();
        await viewer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(viewer.Locator("h1")).ToHaveTextAsync("재정계획");
        await Assertions.Expect(viewer.Locator("#finance tbody tr").First).ToContainTextAsync("7,162");
        await viewer.AssertNoAxeViolationsAsync();
    }
}
