using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>자체평가 through its pages: reports, the T/F's scores and proposal, the review and lock, follow-ups shown.</summary>
public class SelfEvaluationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheDepartmentWritesItsReport_OtherDepartmentsCannot()
    {
        var cycleId = await factory.StartCycleAsync(2017);
        var own = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var url = $"/evaluations/{cycleId}/self/1-1";
        using (var saved = await own.PostPageFormAsync(url, "/report", new() { ["report"] = "마을기업 육성 목표를 초과 달성함. 판로 지원은 미흡." }))
        {
            Assert.True(saved.IsRedirectTo(url));
        }

        Assert.Contains("판로 지원은 미흡", (await own.GetDocumentAsync(url)).QuerySelector("#report")!.TextContent, StringComparison.Ordinal);

        // Another department neither reads nor writes it while it is being scored.
        var other = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        using var read = await other.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(read.IsRedirectTo("/account/denied") || read.StatusCode == HttpStatusCode.Forbidden);

        // A second writer with an old page is refused, with its text kept in the box.
        var page = await own.GetDocumentAsync(url);
        await own.PostPageFormAsync(url, "/report", new() { ["report"] = "먼저 저장한 내용" });
        var stale = new Dictionary<string, string>
        {
            ["report"] = "늦게 저장한 내용",
            ["version"] = page.QuerySelector("form[action$='/report'] input[name='version']")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        };
        using var content = new FormUrlEncodedContent(stale);
        using var conflict = await own.PostAsync(new Uri($"{url}/report", UriKind.Relative), content);
        var conflictPage = await conflict.DocumentAsync();
        Assert.Contains("다른 사람이", conflictPage.QuerySelector("#report-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("늦게 저장한 내용", conflictPage.QuerySelector("#report")!.TextContent);
        Assert.Equal("먼저 저장한 내용", await factory.WithDbAsync(db => db.SelfEvaluations.Where(e => e.CycleId == cycleId).Select(e => e.Report).SingleAsync()));
    }

    [Fact]
    public async Task Achievement_IsProposedFromConfirmedResults_AndAnOverrideNeedsAReason()
    {
        var cycleId = await factory.StartCycleAsync(2018);
        await factory.ConfirmResultsAsync("1-2", 2018, 0.9m);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var url = $"/evaluations/{cycleId}/self/1-2";
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.Self);
        var achievement = items[6];
        var page = await coordinator.GetDocumentAsync(url);
        Assert.Equal("90.0%", page.QuerySelector("#achievement")!.TextContent);
        Assert.Contains("27점", page.QuerySelector($"#proposal-{achievement}")!.TextContent, StringComparison.Ordinal);

        // 30 instead of the proposed 27 without a reason: refused beside the field, all typed values kept, nothing saved.
        var scores = EvaluationsHttp.Scores(items, "4", "5", "9", "8", "7", "8", "30", "15");
        scores[$"Scores[{items[0]}].Comment"] = "의견수렴 충실";
        using (var refused = await coordinator.PostPageFormAsync(url, "/scores", scores))
        {
            var refusedPage = await refused.DocumentAsync();
            Assert.Contains("27점", refusedPage.QuerySelector($"#score-{achievement}-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("30", refusedPage.QuerySelector($"#score-{achievement}")!.GetAttribute("value"));
            Assert.Equal("의견수렴 충실", refusedPage.QuerySelector($"#comment-{items[0]}")!.TextContent);
        }

        Assert.False(await factory.WithDbAsync(db => db.SelfEvaluations.AnyAsync(e => e.CycleId == cycleId)));
        Assert.False(await factory.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).Select(c => c.SelfFramework.IsFrozen).SingleAsync()));

        scores[$"Scores[{achievement}].Reason"] = "정성적 성과(우수사례 선정) 반영";
        using (var saved = await coordinator.PostPageFormAsync(url, "/scores", scores))
        {
            Assert.True(saved.IsRedirectTo(url));
        }

        page = await coordinator.GetDocumentAsync(url);
        Assert.Equal("86점", page.QuerySelector("#self-total")!.TextContent);
        var score = await factory.WithDbAsync(db => db.Set<SelfScore>().SingleAsync(s => s.ItemId == achievement));
        Assert.Equal((30m, 27m, "정성적 성과(우수사례 선정) 반영"), (score.Points!.Value, score.ProposedPoints!.Value, score.OverrideReason));

        // The first score froze the year's table: its items can no longer change.
        var frameworkId = await factory.WithDbAsync(db => db.EvaluationCycles.Where(c => c.Id == cycleId).Select(c => c.SelfFrameworkId).SingleAsync());
        var framework = await coordinator.GetDocumentAsync($"/evaluations/frameworks/{frameworkId}");
        Assert.NotNull(framework.QuerySelector("#frozen"));
        Assert.Null(framework.QuerySelector("form[action$='/items']"));
        var token = framework.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? await coordinator.AntiforgeryTokenAsync($"/evaluations/{cycleId}");
        var version = await factory.WithDbAsync(db => db.EvaluationFrameworks.Where(f => f.Id == frameworkId).Select(f => f.Version).SingleAsync());
        using var edit = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["NewItem.Area"] = "계획",
            ["NewItem.Name"] = "추가 항목",
            ["NewItem.Indicator"] = "추가 지표",
            ["NewItem.MaxPoints"] = "5",
            ["NewItem.Role"] = "None",
            ["NewItem.Version"] = version.ToString(),
        });
        using var refusedEdit = await coordinator.PostAsync(new Uri($"/evaluations/frameworks/{frameworkId}/items", UriKind.Relative), edit);
        Assert.True(refusedEdit.IsRedirectTo($"/evaluations/frameworks/{frameworkId}"));
        Assert.Contains("채점이 시작된 평가틀은 고칠 수 없습니다", (await coordinator.GetDocumentAsync($"/evaluations/frameworks/{frameworkId}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, await factory.WithDbAsync(db => db.EvaluationItems.CountAsync(i => i.FrameworkId == frameworkId)));
    }

    [Fact]
    public async Task TheYearGoesToReview_OnlyWhenEverySubProjectIsScored_ThenIsLocked()
    {
        var cycleId = await factory.StartCycleAsync(2019);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var list = $"/evaluations/{cycleId}/self";
        var codes = (await coordinator.GetDocumentAsync(list)).QuerySelectorAll("#self-list tbody th a").Select(a => a.TextContent.Split(' ')[0]).ToList();
        Assert.True(codes.Count >= 10, $"{codes.Count} sub-projects");
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.Self);

        // All but the last scored (no confirmed results: nothing proposed, any figure accepted).
        foreach (var code in codes.SkipLast(1))
        {
            using var saved = await coordinator.PostPageFormAsync($"{list}/{code}", "/scores", EvaluationsHttp.Scores(items, "4", "4", "8", "8", "8", "8", "24", "16"));
            Assert.True(saved.IsRedirectTo($"{list}/{code}"));
        }

        await coordinator.PostPageFormAsync(list, "/self/review", []);
        var page = await coordinator.GetDocumentAsync(list);
        Assert.Contains(codes[^1], page.QuerySelector(".portal-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("T/F 채점 중", page.QuerySelector("#self-stage")!.TextContent);

        await coordinator.PostPageFormAsync($"{list}/{codes[^1]}", "/scores", EvaluationsHttp.Scores(items, "5", "5", "10", "10", "10", "10", "30", "20"));
        using (var review = await coordinator.PostPageFormAsync(list, "/self/review", []))
        {
            Assert.True(review.IsRedirectTo(list));
        }

        page = await coordinator.GetDocumentAsync(list);
        Assert.Equal("실무협의체 검토 중", page.QuerySelector("#self-stage")!.TextContent);

        // In review nothing is scored or written; the officer's page has no form.
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        Assert.Null((await officer.GetDocumentAsync($"{list}/1-1")).QuerySelector("form[action$='/report']"));
        Assert.Null((await coordinator.GetDocumentAsync($"{list}/1-1")).QuerySelector("form[action$='/scores']"));

        // Locking needs the council's note.
        using (var noNote = await coordinator.PostPageFormAsync(list, "/self/lock", new() { ["reviewNote"] = " " }))
        {
            Assert.Contains("검토 의견을(를) 입력하세요", (await noNote.DocumentAsync()).QuerySelector("#reviewNote-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("실무협의체 검토 중", (await coordinator.GetDocumentAsync(list)).QuerySelector("#self-stage")!.TextContent);
        await coordinator.PostPageFormAsync(list, "/self/lock", new() { ["reviewNote"] = "2020.2.20 민관거버넌스 실무협의체 검토 결과 원안 확정" });
        page = await coordinator.GetDocumentAsync(list);
        Assert.Equal("확정", page.QuerySelector("#self-stage")!.TextContent);
        Assert.Contains("원안 확정", page.Body!.TextContent, StringComparison.Ordinal);

        // Locked: every role reads it, the plan's mean included (12 sub-projects × 80 + one × 100).
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var viewed = await viewer.GetDocumentAsync(list);
        var expected = decimal.Round(((codes.Count - 1) * 80m + 100m) / codes.Count, 2, MidpointRounding.AwayFromZero);
        Assert.Equal($"{expected:0.##}점", viewed.QuerySelector("#plan-mean")!.TextContent);
        Assert.Equal("80점", (await viewer.GetDocumentAsync($"{list}/1-1")).QuerySelector("#self-total")!.TextContent);
    }

    [Fact]
    public async Task LastYearsFollowUps_AreShownToTheTF_WithWhatTheDepartmentDid()
    {
        var cycleId = await factory.StartCycleAsync(2020);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());
        var departmentId = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OwnDepartment).Select(d => d.Id).SingleAsync());
        using (var created = await coordinator.PostPageFormAsync("/follow-ups", "/follow-ups", new()
        {
            ["Input.PlanId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Source"] = "External",
            ["Input.Year"] = "2019",
            ["Input.Code"] = "1-1",
            ["Input.DepartmentId"] = departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Finding"] = "성과지표의 객관성 보완 필요",
            ["Input.DueDate"] = "2020-06-30",
        }))
        {
            Assert.True(created.IsRedirectTo("/follow-ups"), $"{created.StatusCode}");
        }

        var actionId = await factory.WithDbAsync(db => db.FollowUpActions.Where(a => a.Finding == "성과지표의 객관성 보완 필요").Select(a => a.Id).SingleAsync());

        // The department records what it did; another department may not.
        var other = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var otherPage = await other.GetDocumentAsync("/follow-ups");
        Assert.Null(otherPage.QuerySelector($"form[action$='/follow-ups/{actionId}']"));
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using (var noOutcome = await officer.PostPageFormAsync("/follow-ups", $"/follow-ups/{actionId}", new() { ["outcome"] = string.Empty, ["done"] = "true" }))
        {
            Assert.Contains("조치 결과를 입력하세요", (await noOutcome.DocumentAsync()).QuerySelector($"#outcome-{actionId}-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var recorded = await officer.PostPageFormAsync("/follow-ups", $"/follow-ups/{actionId}", new() { ["outcome"] = "2020년 지표를 참여자 수에서 지속 참여율로 변경", ["done"] = "true" }))
        {
            Assert.True(recorded.IsRedirectTo("/follow-ups"));
        }

        // 2020's self-evaluation of 1-1 shows 2019's action with its outcome; 1-3 (another department) does not.
        var page = await coordinator.GetDocumentAsync($"/evaluations/{cycleId}/self/1-1");
        var table = page.QuerySelector("#followups")!.TextContent;
        Assert.Contains("성과지표의 객관성 보완 필요", table, StringComparison.Ordinal);
        Assert.Contains("지속 참여율로 변경", table, StringComparison.Ordinal);
        Assert.Contains("조치 완료", table, StringComparison.Ordinal);
        Assert.NotNull((await coordinator.GetDocumentAsync($"/evaluations/{cycleId}/self/1-3")).QuerySelector("#no-followups"));
    }
}
