using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialEconomy.BrowserTests.Infrastructure;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.BrowserTests.Results;

/// <summary>
/// January in a real browser: the officer enters and submits, the coordinator returns, the
/// officer corrects and resubmits, the coordinator confirms. axe runs on every page.
/// </summary>
public class ResultsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OfficerSubmits_CoordinatorReturns_OfficerResubmits_CoordinatorConfirms()
    {
        var planId = await fixture.Portal.SeededPlanIdAsync();
        await fixture.Portal.OpenPeriodAsync(planId, 2017);
        var officer = await fixture.SignedInPageAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);

        await officer.GotoAsync("/results");
        await officer.AssertNoAxeViolationsAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "2017년 실적" }).First.ClickAsync();
        await officer.AssertNoAxeViolationsAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "지역문제 해결 의제발굴 구조화" }).ClickAsync();
        await officer.AssertNoAxeViolationsAsync();

        // A value that cannot be read is saved as typed and marked beside its field.
        await officer.GetByLabel("발굴단 구성 실적 (개)").FillAsync("세 개");
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "추진실적", Exact = true }).FillAsync("발굴단 3개 구성");
        await officer.GetByRole(AriaRole.Button, new() { Name = "임시 저장" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("임시 저장했습니다");
        Assert.Equal("true", await officer.GetByLabel("발굴단 구성 실적 (개)").GetAttributeAsync("aria-invalid"));
        await officer.AssertNoAxeViolationsAsync();

        await officer.GetByLabel("발굴단 구성 실적 (개)").FillAsync("3");
        await officer.GetByLabel("사업비 실적 (천원)").Nth(0).FillAsync("10,000");
        await officer.GetByLabel("워크숍 및 우수사례 탐방 실적 (회)").FillAsync("운영계획 수립");
        await officer.GetByLabel("워크숍 및 우수사례 탐방 달성 여부").SelectOptionAsync(new SelectOptionValue { Label = "달성" });
        await officer.GetByLabel("사업비 실적 (천원)").Nth(1).FillAsync("1,000");
        await officer.GetByLabel("소셜미션발굴단 구성운영 집행액 (백만원)").FillAsync("10");
        await officer.GetByLabel("워크숍 운영 집행액 (백만원)").FillAsync("1");

        // The evidence file goes with the same form: nothing typed above is lost to the upload.
        await officer.GetByLabel("증빙자료 추가 (PDF, HWP, HWPX, DOCX, XLSX, JPG, PNG)").SetInputFilesAsync(new FilePayload
        {
            Name = "발굴단 회의록.pdf",
            MimeType = "application/pdf",
            Buffer = SocialEconomy.UnitTests.ResultAttachments.SampleFiles.Pdf,
        });
        await officer.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("올렸습니다");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "발굴단 회의록.pdf" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("제출했습니다");
        await Assertions.Expect(officer.Locator("#achievement-rate")).ToHaveTextAsync("100.0%");
        await officer.AssertNoAxeViolationsAsync();

        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        await coordinator.GotoAsync($"/results/{planId}/2017/board");
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "지역문제 해결 의제발굴 구조화" }).ClickAsync();
        await coordinator.AssertNoAxeViolationsAsync();
        await coordinator.GetByLabel("반려 사유 (필수)").FillAsync("문제점과 개선방안을 적어 주세요");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "반려" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("반려했습니다");
        await coordinator.AssertNoAxeViolationsAsync();

        await officer.ReloadAsync();
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync("문제점과 개선방안을 적어 주세요");
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "문제점", Exact = true }).FillAsync("참여 주민이 한정됨");
        await officer.GetByRole(AriaRole.Textbox, new() { Name = "개선방안", Exact = true }).FillAsync("동 주민센터와 함께 모집");
        await officer.GetByRole(AriaRole.Button, new() { Name = "제출", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator(".portal-notice")).ToContainTextAsync("제출했습니다");

        await coordinator.ReloadAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "확정" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".portal-notice")).ToContainTextAsync("확정했습니다");
        await coordinator.AssertNoAxeViolationsAsync();
        foreach (var page in new[] { $"/results/{planId}/2017/rates", $"/results/{planId}/2017/rates?basis=original", $"/results/{planId}/2017/workbook", "/results" })
        {
            await coordinator.GotoAsync(page);
            await coordinator.AssertNoAxeViolationsAsync();
        }

        Assert.Equal(
            ResultStatus.Confirmed,
            await fixture.Portal.WithDbAsync(db => db.YearResults.Where(r => r.Year == 2017 && r.SubProject.Code == "1-1").Select(r => r.Status).SingleAsync()));
        Assert.Equal(
            [ResultStep.Submitted, ResultStep.Returned, ResultStep.Submitted, ResultStep.Confirmed],
            await fixture.Portal.WithDbAsync(db => db.YearResults.Where(r => r.Year == 2017 && r.SubProject.Code == "1-1").SelectMany(r => r.Events).OrderBy(e => e.Id).Select(e => e.Step).ToListAsync()));
    }
}
