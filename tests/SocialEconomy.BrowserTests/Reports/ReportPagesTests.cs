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

    [Fact]
    public async Task ThePlanBook_AndAYearsImplementationPlan_OpenFromThePlan_AndPassAxe()
    {
        var planId = await fixture.Portal.SeededPlanIdAsync();
        var officer = await fixture.SignedInPageAsync(Roles.DepartmentOfficer, "마을사회적경제과");
        await officer.GotoAsync($"/plans/{planId}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "기본계획 인쇄(PDF·엑셀)" }).FocusAsync();
        await officer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("성북구 사회적경제 기본계획");
        await Assertions.Expect(officer.Locator(".book-subproject")).ToHaveCountAsync(13);
        await officer.AssertNoAxeViolationsAsync();

        await officer.GotoAsync($"/plans/{planId}");
        await officer.Locator("#implementation-links").GetByRole(AriaRole.Link, new() { Name = "2018년" }).ClickAsync();
        await Assertions.Expect(officer.Locator("h1")).ToContainTextAsync("2018년 연차별 시행계획");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "엑셀 내려받기" })).ToHaveAttributeAsync("href", $"/plans/{planId}/reports/implementation/2018.xlsx");
        await officer.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task TheResultsReport_OpensFromTheYearsResults_AndPassesAxe()
    {
        var planId = await fixture.Portal.SeededPlanIdAsync();
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator);
        await coordinator.GotoAsync($"/results/{planId}/2018");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "실적 및 자체평가 보고서" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("2018년 실적 및 자체평가 보고서");
        await Assertions.Expect(coordinator.Locator(".report-watermark")).ToHaveCountAsync(1);
        await Assertions.Expect(coordinator.Locator("#results-summary tbody tr")).ToHaveCountAsync(14);
        await coordinator.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task TheComprehensiveReport_OpensFromItsPage_AndPassesAxe()
    {
        var planId = await fixture.Portal.SeededPlanIdAsync();
        var url = $"/evaluations/comprehensive/{planId}";
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator);
        await coordinator.GotoAsync(url);
        await coordinator.GetByLabel("총괄평가 기준 연도", new() { Exact = false }).FillAsync("2019");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "총괄평가 시작" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#comprehensive-report")).ToBeVisibleAsync();

        var viewer = await fixture.SignedInPageAsync(Roles.Viewer);
        await viewer.GotoAsync(url);
        await viewer.Locator($"#comprehensive-report a[href='{url}/report']").ClickAsync();
        await Assertions.Expect(viewer.Locator("h1")).ToContainTextAsync("총괄평가");
        await Assertions.Expect(viewer.Locator(".report-watermark")).ToHaveCountAsync(1);
        await viewer.AssertNoAxeViolationsAsync();
    }
}
