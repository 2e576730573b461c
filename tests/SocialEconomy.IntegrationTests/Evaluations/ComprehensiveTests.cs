using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>총괄평가: started after the named year, judged per sub-project with the years' figures, finalised and locked.</summary>
public class ComprehensiveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ThePanel_JudgesEverySubProject_WithReasons_ThenItIsLocked()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());
        var url = $"/evaluations/comprehensive/{planId}";
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        await factory.ConfirmResultsAsync("1-1", 2017, 1m);
        await factory.ConfirmResultsAsync("1-1", 2018, 0.5m);

        using (var outside = await coordinator.PostPageFormAsync(url, $"/comprehensive/{planId}", new() { ["afterYear"] = "2030" }))
        {
            Assert.Contains("계획기간", (await outside.DocumentAsync()).QuerySelector("#afterYear-error")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("2019", (await coordinator.GetDocumentAsync(url)).QuerySelector("#afterYear")!.GetAttribute("value"));
        using (var started = await coordinator.PostPageFormAsync(url, $"/comprehensive/{planId}", new() { ["afterYear"] = "2019" }))
        {
            Assert.True(started.IsRedirectTo(url));
        }

        // A panel member (a committee member) judges; a committee member off the panel may not.
        var panelistName = $"p-{Guid.NewGuid():N}"[..20];
        var panelist = await factory.CreateUserAsync(panelistName, Roles.CommitteeMember);
        await coordinator.PostPageFormAsync(url, "/panel", new() { ["userId"] = panelist.Id });
        var panelClient = await factory.SignInAsync(panelistName);
        var page = await panelClient.GetDocumentAsync(url);
        var figures = page.QuerySelector("#verdict-1-1-heading")!.ParentElement!.QuerySelector("tbody")!.TextContent;
        Assert.Contains("100.0%", figures, StringComparison.Ordinal);
        Assert.Contains("50.0%", figures, StringComparison.Ordinal);
        Assert.Contains("확정 실적 없음", figures, StringComparison.Ordinal);

        using (var noReason = await panelClient.PostPageFormAsync(url, "/verdicts/1-1", new() { ["Verdict.Recommendation"] = "Expand", ["Verdict.Assessment"] = "당초 목표 초과 달성" }))
        {
            var refused = await noReason.DocumentAsync();
            Assert.Contains("사유를 함께", refused.QuerySelector("#verdict-1-1-reason-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("당초 목표 초과 달성", refused.QuerySelector("#verdict-1-1-assessment")!.TextContent);
        }

        using (var judged = await panelClient.PostPageFormAsync(url, "/verdicts/1-1", new() { ["Verdict.Recommendation"] = "Expand", ["Verdict.Assessment"] = "당초 목표 초과 달성", ["Verdict.Reason"] = "수요 증가" }))
        {
            Assert.True(judged.IsRedirectTo(url));
        }

        var offPanel = await factory.ClientForAsync(Roles.CommitteeMember);
        Assert.Null((await offPanel.GetDocumentAsync(url)).QuerySelector("form[action$='/verdicts/1-1']"));

        // Finalising needs every sub-project's recommendation and the directions.
        await coordinator.PostPageFormAsync(url, "/finalise", []);
        page = await coordinator.GetDocumentAsync(url);
        Assert.Contains("권고가 없는 세부사업", page.QuerySelector(".portal-notice")!.TextContent, StringComparison.Ordinal);
        var codes = await factory.WithDbAsync(db => db.SubProjects.Where(s => s.StartYear <= 2019).Select(s => s.Code).ToListAsync());
        foreach (var code in codes.Where(c => c != "1-1"))
        {
            await coordinator.PostPageFormAsync(url, $"/verdicts/{code}", new() { ["Verdict.Recommendation"] = "Keep", ["Verdict.Reason"] = "계속 추진" });
        }

        await coordinator.PostPageFormAsync(url, "/directions", new() { ["directions"] = "사회적경제 생태계 조성에서 지역순환경제로" });
        using (var final = await coordinator.PostPageFormAsync(url, "/finalise", []))
        {
            Assert.True(final.IsRedirectTo(url));
        }

        page = await panelClient.GetDocumentAsync(url);
        Assert.Equal("확정", page.QuerySelector("#comprehensive-state")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='/verdicts/']"));
        Assert.Contains("지역순환경제", page.QuerySelector("#directions-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            "Expand",
            await factory.WithDbAsync(db => db.ComprehensiveEvaluations.SelectMany(e => e.Verdicts).Where(v => db.SubProjects.Any(s => s.Id == v.SubProjectId && s.Code == "1-1")).Select(v => v.Recommendation.ToString()).SingleAsync()));
    }
}
