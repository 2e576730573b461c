using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>Submit → return with a comment → resubmit → confirm (locked) → reopen with a reason; the timeline and the board.</summary>
public class ResultsReviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<ResultStatus> StatusAsync(string code, int year) =>
        await factory.WithDbAsync(db => db.YearResults.Where(r => r.SubProject.Code == code && r.Year == year).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task FullCycle_EachStepRecorded_ConfirmedIsLocked_ReopenNeedsAReason()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2017);
        var url = $"/results/{planId}/2017/1-1";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        using (var submitted = await officer.PostResultAsync(url, ResultsEntryTests.CompleteFor2017, intent: "submit"))
        {
            Assert.True(submitted.IsRedirectTo(url));
        }

        // A return needs a comment; without one nothing changes.
        using (var noComment = await coordinator.ReviewAsync(url, "return", new() { ["comment"] = " " }))
        {
            Assert.True(noComment.IsRedirectTo(url));
        }

        Assert.Equal(ResultStatus.Submitted, await StatusAsync("1-1", 2017));
        Assert.Contains("반려 사유을(를) 입력하세요", (await coordinator.GetDocumentAsync(url)).QuerySelector(".portal-notice")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        using (await coordinator.ReviewAsync(url, "return", new() { ["comment"] = "사업비 실적 근거를 첨부하세요" }))
        {
            Assert.Equal(ResultStatus.Returned, await StatusAsync("1-1", 2017));
        }

        // The officer sees the comment, corrects and resubmits.
        var returned = await officer.GetDocumentAsync(url);
        Assert.Contains("사업비 실적 근거를 첨부하세요", returned.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
        using (var again = await officer.PostResultAsync(url, page => new() { ["Problems"] = "근거 자료 보완" }, intent: "submit"))
        {
            Assert.True(again.IsRedirectTo(url));
        }

        Assert.Equal(ResultStatus.Submitted, await StatusAsync("1-1", 2017));

        // A confirmation from a page opened before the last change does nothing.
        using (await coordinator.PostFormAsync(url, $"{url}/confirm", new() { ["version"] = Guid.NewGuid().ToString() }))
        {
            Assert.Equal(ResultStatus.Submitted, await StatusAsync("1-1", 2017));
        }

        using (await coordinator.ReviewAsync(url, "confirm", []))
        {
            Assert.Equal(ResultStatus.Confirmed, await StatusAsync("1-1", 2017));
        }

        // Confirmed: locked for the officer, readable by a viewer now.
        var locked = await officer.GetDocumentAsync(url);
        Assert.Null(locked.QuerySelector("textarea#Achievements"));
        Assert.Contains("확정된 실적은 고칠 수 없습니다", locked.QuerySelector(".portal-note")!.TextContent, StringComparison.Ordinal);
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        Assert.Contains("2017년 발굴단 3개 구성·운영", (await viewer.GetDocumentAsync(url)).QuerySelector("#Achievements")!.TextContent, StringComparison.Ordinal);

        // Confirming again or returning a confirmed result is refused.
        using (await coordinator.ReviewAsync(url, "return", new() { ["comment"] = "다시" }))
        {
            Assert.Equal(ResultStatus.Confirmed, await StatusAsync("1-1", 2017));
        }

        using (await coordinator.ReviewAsync(url, "reopen", new() { ["reason"] = string.Empty }))
        {
            Assert.Equal(ResultStatus.Confirmed, await StatusAsync("1-1", 2017));
        }

        using (await coordinator.ReviewAsync(url, "reopen", new() { ["reason"] = "감사 지적으로 집행액 정정" }))
        {
            Assert.Equal(ResultStatus.Returned, await StatusAsync("1-1", 2017));
        }

        var steps = await factory.WithDbAsync(db => db.YearResults.Where(r => r.SubProject.Code == "1-1" && r.Year == 2017).SelectMany(r => r.Events).OrderBy(e => e.Id).Select(e => new { e.Step, e.Comment }).ToListAsync());
        Assert.Equal(
            [ResultStep.Submitted, ResultStep.Returned, ResultStep.Submitted, ResultStep.Confirmed, ResultStep.Reopened],
            steps.Select(s => s.Step));
        Assert.Equal("감사 지적으로 집행액 정정", steps[^1].Comment);
        var timeline = (await officer.GetDocumentAsync(url)).QuerySelectorAll("#timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, timeline.Count);
        Assert.StartsWith("제출", timeline[0].Trim(), StringComparison.Ordinal);
        Assert.StartsWith("재개", timeline[^1].Trim(), StringComparison.Ordinal);

        // Every step is in the audit trail too.
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "ResultEvent")) >= 5);
    }

    [Fact]
    public async Task Officer_CannotReviewTheirOwnResults()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var url = $"/results/{planId}/2018/1-1";
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using var confirm = await officer.PostFormAsync(url, $"{url}/confirm", []);
        Assert.Contains("/account/denied", confirm.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_ShowsEveryStatusPerDepartment_AndOverdueOnesStandOut()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2019, deadline: new DateOnly(2020, 1, 31));
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using (await officer.PostResultAsync($"/results/{planId}/2019/1-2", _ => new() { ["Achievements"] = "작성 중" }))
        {
        }

        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);
        var board = await coordinator.GetDocumentAsync($"/results/{planId}/2019/board");
        var rows = board.QuerySelectorAll("#board tbody tr").ToList();
        Assert.Equal(13, rows.Count);
        var draft = rows.Single(r => r.Children[1].TextContent.Trim() == "1-2");
        Assert.Equal("작성중", draft.Children[3].TextContent.Trim());
        Assert.Contains("portal-overdue", draft.ClassName, StringComparison.Ordinal);
        Assert.Equal("미작성", rows.Single(r => r.Children[1].TextContent.Trim() == "1-3").Children[3].TextContent.Trim());
        Assert.Equal(PortalFactory.OtherDepartment, rows.Single(r => r.Children[1].TextContent.Trim() == "1-3").Children[0].TextContent.Trim());
        Assert.Contains("13건", board.QuerySelector("#status-counts")!.TextContent, StringComparison.Ordinal);

        var viewer = await factory.ClientForAsync(Roles.Viewer);
        using var denied = await viewer.GetAsync(new Uri($"/results/{planId}/2019/board", UriKind.Relative));
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Periods_OpenCloseReopen_WithKoreanErrorsBesideTheFields()
    {
        var planId = await factory.SeededPlanIdAsync();
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        var cases = new (Dictionary<string, string> Fields, string Field, string Message)[]
        {
            (new() { ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Year"] = "2016", ["Input.Deadline"] = "2017-01-31" }, "Input.Year", "계획기간"),
            (new() { ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Year"] = "이천십팔", ["Input.Deadline"] = "2019-01-31" }, "Input.Year", "맞는 값이 아닙니다"),
            (new() { ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Year"] = "2020", ["Input.Deadline"] = "2021.13.01" }, "Input.Deadline", "맞는 값이 아닙니다"),
            (new() { ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Year"] = "2020" }, "Input.Deadline", "제출 기한을 입력하세요"),
            (new() { ["Input.Year"] = "2020", ["Input.Deadline"] = "2021-01-31" }, "Input.PlanId", "기본계획을 고르세요"),
        };
        foreach (var (fields, field, message) in cases)
        {
            using var response = await coordinator.PostFormAsync("/results", "/results/periods", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = (await response.DocumentAsync()).QuerySelector($"#{field.Replace('.', '_')}-error");
            Assert.True(error is not null, $"{field}: no error for {string.Join(',', fields.Values)}");
            Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        }

        using (var opened = await coordinator.PostFormAsync("/results", "/results/periods", new() { ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Year"] = "2020", ["Input.Deadline"] = "2021-01-31" }))
        {
            Assert.True(opened.IsRedirectTo("/results"));
        }

        var period = await factory.WithDbAsync(db => db.ResultsPeriods.SingleAsync(p => p.PlanId == planId && p.Year == 2020));
        Assert.Equal((new DateOnly(2021, 1, 31), true), (period.Deadline, period.IsOpen));
        using (var duplicate = await coordinator.PostFormAsync("/results", "/results/periods", new() { ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Year"] = "2020", ["Input.Deadline"] = "2021-02-28" }))
        {
            Assert.Contains("이미 있습니다", (await duplicate.DocumentAsync()).QuerySelector("#Input_Year-error")!.TextContent, StringComparison.Ordinal);
        }

        var id = period.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (await coordinator.PostFormAsync("/results", $"/results/periods/{id}/close", []))
        {
            Assert.False(await factory.WithDbAsync(db => db.ResultsPeriods.Where(p => p.Id == period.Id).Select(p => p.IsOpen).SingleAsync()));
        }

        // A closed period refuses an officer's save.
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var token = await officer.AntiforgeryTokenAsync("/results");
        using (var refused = await officer.PostAsync(new Uri($"/results/{planId}/2020/1-1", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Achievements"] = "닫힌 뒤", ["Intent"] = "save", ["__RequestVerificationToken"] = token })))
        {
            Assert.Contains("닫혀 있습니다", (await refused.DocumentAsync()).QuerySelector("#result-errors")!.TextContent, StringComparison.Ordinal);
        }

        using (await coordinator.PostFormAsync("/results", $"/results/periods/{id}/reopen", new() { ["deadline"] = "2021-03-15" }))
        {
            var reopened = await factory.WithDbAsync(db => db.ResultsPeriods.SingleAsync(p => p.Id == period.Id));
            Assert.Equal((new DateOnly(2021, 3, 15), true), (reopened.Deadline, reopened.IsOpen));
        }

        var list = await officer.GetDocumentAsync("/results");
        Assert.Contains("2021-03-15", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("form[action='/results/periods']"));
    }
}
