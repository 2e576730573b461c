using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>Starting a year, the seeded frameworks and their copies, the calendar, and the committee's gap reasons.</summary>
public class EvaluationSetupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheSeededFrameworks_AreTheSeedsTables()
    {
        var frameworks = await factory.WithDbAsync(db => db.EvaluationFrameworks.Include(f => f.Items).Where(f => f.IsDefault).ToListAsync());
        var self = frameworks.Single(f => f.Kind == FrameworkKind.Self);
        var external = frameworks.Single(f => f.Kind == FrameworkKind.External);
        Assert.Equal([5m, 5m, 10m, 10m, 10m, 10m, 30m, 20m], self.Items.Select(i => i.MaxPoints));
        Assert.Equal(100m, self.BasePoints);
        Assert.Equal(100m, external.BasePoints);
        Assert.Equal(5m, external.BonusPoints);
        Assert.Equal(ItemRole.Achievement, self.Items.Single(i => i.Indicator == "사업 목표 달성 비율").Role);
        Assert.Equal(
            ["평가역량 제고노력", "평가의 정확성 확보노력", "평가결과 반영노력"],
            external.Items.Select(i => i.Area).Distinct());
    }

    [Fact]
    public async Task StartingAYear_CopiesTheFrameworks_AndTheCopyIsAdjustedAlone()
    {
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());
        var plan = planId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Outside the plan's period: refused beside the year.
        using (var outside = await coordinator.PostPageFormAsync("/evaluations", "/evaluations", new() { ["Input.PlanId"] = plan, ["Input.Year"] = "2021" }))
        {
            Assert.Contains("계획기간", (await outside.DocumentAsync()).QuerySelector("#Input_Year-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var started = await coordinator.PostPageFormAsync("/evaluations", "/evaluations", new() { ["Input.PlanId"] = plan, ["Input.Year"] = "2017" }))
        {
            Assert.True(started.IsRedirectTo("/evaluations/"), $"{started.StatusCode}");
        }

        using (var again = await coordinator.PostPageFormAsync("/evaluations", "/evaluations", new() { ["Input.PlanId"] = plan, ["Input.Year"] = "2017" }))
        {
            Assert.Contains("이미 있습니다", (await again.DocumentAsync()).QuerySelector("#Input_Year-error")!.TextContent, StringComparison.Ordinal);
        }

        var cycle = await factory.WithDbAsync(db => db.EvaluationCycles.Include(c => c.SelfFramework).ThenInclude(f => f.Items).SingleAsync(c => c.Year == 2017));
        var year = $"/evaluations/frameworks/{cycle.SelfFrameworkId}";
        var item = cycle.SelfFramework.Items[0];

        // Change the first item's points and sub-criteria; a bad value is marked and the typed ones kept.
        using (var bad = await coordinator.PostPageFormAsync(year, $"/items/{item.Id}", new() { ["Item.MaxPoints"] = "열", ["Item.Criteria"] = "새 세부지표" }))
        {
            var page = await bad.DocumentAsync();
            Assert.Contains("숫자로", page.QuerySelector($"#item{item.Id}_MaxPoints-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("새 세부지표", page.QuerySelector($"#item{item.Id}_Criteria")!.GetAttribute("value"));
        }

        using (var saved = await coordinator.PostPageFormAsync(year, $"/items/{item.Id}", new() { ["Item.MaxPoints"] = "7.5", ["Item.Criteria"] = "새 세부지표" }))
        {
            Assert.True(saved.IsRedirectTo(year));
        }

        using (var bands = await coordinator.PostPageFormAsync(year, "/bands", new() { ["Bands.MinRates[0]"] = "95", ["Bands.Points[0]"] = "31" }))
        {
            Assert.Contains("30점", (await bands.DocumentAsync()).QuerySelector("#bands-error")!.TextContent, StringComparison.Ordinal);
        }

        var items = await factory.WithDbAsync(db => db.EvaluationItems.Where(i => i.FrameworkId == cycle.SelfFrameworkId || i.Framework.IsDefault && i.Framework.Kind == FrameworkKind.Self).ToListAsync());
        Assert.Equal(7.5m, items.Single(i => i.Id == item.Id).MaxPoints);
        Assert.Equal("새 세부지표", items.Single(i => i.Id == item.Id).Criteria);
        Assert.Equal(5m, items.Where(i => i.FrameworkId != cycle.SelfFrameworkId).OrderBy(i => i.SortOrder).First().MaxPoints);

        // A viewer reads the table but gets no form.
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var read = await viewer.GetDocumentAsync(year);
        Assert.Equal(8, read.QuerySelectorAll("#items tbody tr").Length);
        Assert.Null(read.QuerySelector("form[action*='/items']"));
    }

    [Fact]
    public async Task TheCalendar_ShowsWhatIsOverdue_AndRefusesDatesOutOfOrder()
    {
        var cycleId = await factory.StartCycleAsync(2018);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var url = $"/evaluations/{cycleId}";

        // The seed's calendar for 2018 ended in April 2019: today (2026) every open step is overdue.
        var page = await coordinator.GetDocumentAsync(url);
        var states = page.QuerySelectorAll("#calendar tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal(["완료", "기한 지남", "기한 지남", "기한 지남"], states);
        Assert.Equal("2019-02-28", page.QuerySelectorAll("#calendar tbody tr")[1].QuerySelectorAll("td")[0].TextContent);

        using (var bad = await coordinator.PostPageFormAsync(url, "/calendar", new() { ["Calendar.ExternalBy"] = "2019-03-01" }))
        {
            var document = await bad.DocumentAsync();
            Assert.Contains("외부평가 기한", document.QuerySelector("#Calendar_PlanBy-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("2019-03-01", document.QuerySelector("#Calendar_ExternalBy")!.GetAttribute("value"));
        }

        // Dates stay within the plan's range (PlanDates): the seeded 2017-2020 plan ends its range in 2025,
        // so every step stays overdue today; what moved is shown.
        using (var moved = await coordinator.PostPageFormAsync(url, "/calendar", new() { ["Calendar.SelfReportsBy"] = "2025-02-28", ["Calendar.CommitteeBy"] = "2025-03-31", ["Calendar.ExternalBy"] = "2025-04-30" }))
        {
            Assert.True(moved.IsRedirectTo(url));
        }

        page = await coordinator.GetDocumentAsync(url);
        Assert.Equal("2025-02-28", page.QuerySelectorAll("#calendar tbody tr")[1].QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("자체평가 2025-02-28", (await coordinator.GetDocumentAsync("/evaluations")).QuerySelector("#cycles")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargeGap_AsksTheCommitteeForAReason()
    {
        var cycleId = await factory.StartCycleAsync(2019);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}", "/rules", new() { ["Rules.Aggregation"] = "Mean", ["Rules.GapThreshold"] = "20" });

        // The T/F gives 1-1 full marks on 성과목표·지표 (5 of 5) and 평가결과 반영 (20 of 20).
        var selfItems = await factory.ItemIdsAsync(cycleId, FrameworkKind.Self);
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/self/1-1", "/scores", EvaluationsHttp.Scores(selfItems, "5", "5", "10", "10", "10", "10", "30", "20"));

        // The committee gives 성과목표·지표 15 of 30 (50 %, gap 50 %p) and 평가결과 반영 18 of 20 (90 %, gap 10 %p).
        var (member, _) = await factory.SeatMemberAsync(cycleId, "위원정");
        var externalItems = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var sheet = EvaluationsHttp.Scores(externalItems, "8", "7.5", "7.5", "0", "8", "12", "12", "18");
        sheet["Submit"] = "true";
        await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", sheet);
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []);

        var url = $"/evaluations/{cycleId}/external";
        var page = await member.GetDocumentAsync(url);
        var rows = page.QuerySelectorAll("#gaps tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r);
        Assert.Contains("50.0%p (사유 필요)", rows["성과목표·지표"].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("사유 필요", rows["평가결과 반영"].TextContent, StringComparison.Ordinal);
        Assert.Null(rows["평가결과 반영"].QuerySelector("form"));

        using (var empty = await member.PostPageFormAsync(url, "/external/gaps", new() { ["topic"] = "성과목표·지표", ["reason"] = " " }))
        {
            Assert.Contains("입력하세요", (await empty.DocumentAsync()).QuerySelector(".portal-field-error")!.TextContent, StringComparison.Ordinal);
        }

        using (var small = await member.PostPageFormAsync(url, "/external/gaps", new() { ["topic"] = "평가결과 반영", ["reason"] = "사유" }))
        {
            Assert.True(small.IsRedirectTo(url));
            Assert.Contains("점수 차이가 큰 주제가 아닙니다", (await member.GetDocumentAsync(url)).QuerySelector(".portal-notice")!.TextContent, StringComparison.Ordinal);
        }

        using (var written = await member.PostPageFormAsync(url, "/external/gaps", new() { ["topic"] = "성과목표·지표", ["reason"] = "T/F는 지표 수를, 위원회는 지표의 대표성을 보았음" }))
        {
            Assert.True(written.IsRedirectTo(url));
        }

        Assert.Contains("지표의 대표성", (await coordinator.GetDocumentAsync(url)).QuerySelector("#gaps")!.TextContent, StringComparison.Ordinal);

        // A viewer reads the result but writes no reason.
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        Assert.Null((await viewer.GetDocumentAsync(url)).QuerySelector("form[action$='/gaps']"));
    }
}
