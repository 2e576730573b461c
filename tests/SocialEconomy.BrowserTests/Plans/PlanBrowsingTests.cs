using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Plans;

public class PlanBrowsingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Overview_FollowLinkToSubProject_BothPagesPassAxe()
    {
        var id = await fixture.Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var page = await fixture.SignedInPageAsync(Roles.Viewer);

        await page.GotoAsync($"/plans/{id}");
        Assert.EndsWith("성북구 사회적경제 기본계획", (await page.Locator("h1").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        await page.AssertNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "지역관리회사(CRC) 방식을 통한 도시재생사업 추진" }).ClickAsync();
        await page.WaitForURLAsync($"**/plans/{id}/subprojects/1-3");
        Assert.Contains("(1-3)", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Table).CountAsync() >= 2);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task FinanceAndHome_PassAxe()
    {
        var id = await fixture.Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var page = await fixture.SignedInPageAsync(Roles.Viewer);

        await page.GotoAsync("/");
        await page.AssertNoAxeViolationsAsync();
        await page.GotoAsync($"/plans/{id}/finance");
        Assert.Equal("7,162", (await page.Locator("[data-total='grand']").TextContentAsync())?.Trim());
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task EveryPlanPage_PassesAxe()
    {
        var (id, codes) = await fixture.Portal.WithDbAsync(async db => (
            await db.Plans.Select(p => p.Id).SingleAsync(),
            await db.SubProjects.OrderBy(s => s.TaskId).ThenBy(s => s.SortOrder).Select(s => s.Code).ToListAsync()));
        var page = await fixture.SignedInPageAsync(Roles.Viewer);
        var urls = new[] { "/plans", "/plans/999999", $"/plans/{id}/subprojects/9-9" }
            .Concat(codes.Select(code => $"/plans/{id}/subprojects/{code}"));

        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await page.AssertNoAxeViolationsAsync();
        }
    }

    [Fact]
    public async Task SkipLink_FirstTabStop_MovesFocusToMain()
    {
        var page = await fixture.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync("/plans");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("본문 바로가기", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        // Following the in-page link updates the URL and moves focus to <main tabindex=-1>.
        await page.WaitForURLAsync("**/plans#main-content");
        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
    }
}
