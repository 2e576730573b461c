using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Admin;

/// <summary>A coordinator builds and corrects a draft plan's structure in a real browser.</summary>
public class StructureJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Coordinator_AddsEditsAndMovesParts_EveryPagePassesAxe()
    {
        var planId = await fixture.Portal.WithDbAsync(async db =>
        {
            var department = await db.Departments.SingleAsync(d => d.Name == PortalFactory.OwnDepartment);
            var plan = new BasicPlan($"브라우저 {Guid.NewGuid():N}", "테스트군", department, new YearRange(2030, 2033), "함께");
            var sub = plan.AddTask(1, "판로 확대", null).AddSubProject("1-1", "공공구매", department, plan.Period);
            sub.AddActionItem("박람회", null).AddIndicator("만족도", Unit.Percent, IndicatorKind.Rate, TotalRule.Average);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        await page.GotoAsync($"/plans/{planId}/structure");
        await page.AssertNoAxeViolationsAsync();

        // Add an indicator through its form.
        var form = page.Locator("fieldset", new() { Has = page.GetByText("성과지표 추가: 박람회") });
        await form.GetByLabel("지표명").FillAsync("참여기업");
        await form.GetByLabel("단위", new() { Exact = true }).SelectOptionAsync("개");
        await form.GetByLabel("지표 유형").SelectOptionAsync(new SelectOptionValue { Label = "수량" });
        await form.GetByLabel("계 산정방식").SelectOptionAsync(new SelectOptionValue { Label = "합계" });
        await form.GetByRole(AriaRole.Button, new() { Name = "성과지표 추가" }).ClickAsync();
        await Assertions.Expect(page.Locator(".portal-notice")).ToContainTextAsync("성과지표를 추가했습니다");

        // Move it above 만족도, then rename it; an empty name is refused beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "위로 성과지표 참여기업" }).ClickAsync();
        await Assertions.Expect(page.Locator(".portal-notice")).ToContainTextAsync("위로 옮겼습니다");
        var names = await page.Locator("li[id^='indicator-']").AllInnerTextsAsync();
        Assert.StartsWith("참여기업", names[0], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "고치기 성과지표 참여기업" }).ClickAsync();
        await page.WaitForURLAsync("**/structure/edit/indicator/*");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("지표명").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Values_Name-error")).ToContainTextAsync("지표명을(를) 입력하세요");
        Assert.Equal("true", await page.GetByLabel("지표명").GetAttributeAsync("aria-invalid"));
        await page.AssertNoAxeViolationsAsync();

        await page.GetByLabel("지표명").FillAsync("참여 기업 수");
        await page.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await page.WaitForURLAsync($"**/plans/{planId}/structure*");
        await Assertions.Expect(page.Locator(".portal-notice")).ToContainTextAsync("고쳤습니다");
        await page.AssertNoAxeViolationsAsync();
        Assert.Equal(
            ["참여 기업 수", "만족도"],
            await fixture.Portal.WithDbAsync(db => db.Indicators.Where(i => i.ActionItem.SubProject.Task.PlanId == planId).OrderBy(i => i.SortOrder).Select(i => i.Name).ToListAsync()));
    }
}
