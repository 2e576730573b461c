using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Evaluations;

/// <summary>Every other evaluation page in a real browser, with its forms and error states, checked by axe.</summary>
public class EvaluationPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task FrameworksSelfEvaluationComprehensiveAndFollowUps_PassAxe()
    {
        var cycleId = await fixture.Portal.StartCycleAsync(2017);
        await fixture.Portal.ConfirmResultsAsync("1-1", 2017, 0.85m);
        var planId = await fixture.Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());
        var frameworkId = await fixture.Portal.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).Select(c => c.SelfFrameworkId).SingleAsync());

        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        await coordinator.GotoAsync($"/evaluations/{cycleId}");
        await coordinator.AssertNoAxeViolationsAsync();

        // The year's 평가지표 with its edit forms, then a bad band marked beside itself.
        await coordinator.GotoAsync($"/evaluations/frameworks/{frameworkId}");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.Locator("#band-points-0").FillAsync("31");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "배점 기준 저장" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#bands-error")).ToContainTextAsync("30점");
        await coordinator.AssertNoAxeViolationsAsync();

        // The self-evaluation list and a sub-project's page: 88.8 % (text targets count as achieved) proposes 24 of 30; 30 without a reason is refused.
        await coordinator.GotoAsync($"/evaluations/{cycleId}/self");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "1-1", Exact = false }).First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("#achievement")).ToHaveTextAsync("88.8%");
        await coordinator.AssertNoAxeViolationsAsync();
        var inputs = coordinator.Locator("input[name$='.Points']");
        string[] points = ["4", "4", "8", "8", "8", "8", "30", "15"];
        for (var i = 0; i < points.Length; i++)
        {
            await inputs.Nth(i).FillAsync(points[i]);
        }

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "점수 저장" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#scores-error")).ToContainTextAsync("아무것도 저장하지 않았습니다");
        await Assertions.Expect(inputs.Nth(6)).ToHaveAttributeAsync("aria-invalid", "true");
        await coordinator.AssertNoAxeViolationsAsync();
        await inputs.Nth(6).FillAsync("24");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "점수 저장" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#self-total")).ToHaveTextAsync("79점");

        // The department's report, written by its officer.
        var officer = await fixture.SignedInPageAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await officer.GotoAsync($"/evaluations/{cycleId}/self/1-1");
        await officer.AssertNoAxeViolationsAsync();
        await officer.GetByLabel("성과, 미흡한 점과 원인, 다음 해 반영 계획").FillAsync("목표 대비 85% 달성, 하반기 모집 지연");
        await officer.GetByRole(AriaRole.Button, new() { Name = "보고서 저장" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("저장했습니다");

        // 환류 조치: an empty form marks every required field; the list itself.
        await coordinator.GotoAsync("/follow-ups");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "조치 배정" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#Input_Finding-error")).ToBeVisibleAsync();
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByLabel("기본계획").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await coordinator.GetByLabel("평가 연도(사업 연도)").FillAsync("2017");
        await coordinator.GetByLabel("세부사업 코드(선택, 예: 1-1)").FillAsync("1-1");
        await coordinator.GetByLabel("담당 부서").SelectOptionAsync(new SelectOptionValue { Label = PortalFactory.OwnDepartment });
        await coordinator.GetByLabel("평가 결과(지적사항)와 조치 요구").FillAsync("모집 시기 조정");
        // Typed dates of the 2017-2020 seed reach the end of next year (PlanDates).
        await coordinator.GetByLabel("조치 기한").FillAsync(DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "조치 배정" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#follow-ups")).ToContainTextAsync("모집 시기 조정");
        await coordinator.AssertNoAxeViolationsAsync();
        await officer.GotoAsync("/follow-ups");
        await officer.AssertNoAxeViolationsAsync();

        // 총괄평가: before and after starting.
        await coordinator.GotoAsync($"/evaluations/comprehensive/{planId}");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "총괄평가 시작" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#comprehensive-state")).ToHaveTextAsync("진행 중");
        await coordinator.AssertNoAxeViolationsAsync();

        await coordinator.GotoAsync("/evaluations");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GotoAsync($"/evaluations/{cycleId}/committee");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "외부전문가 등록" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#Expert_UserName-error")).ToBeVisibleAsync();
        await coordinator.AssertNoAxeViolationsAsync();
    }
}
