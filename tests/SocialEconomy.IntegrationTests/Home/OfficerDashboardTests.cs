using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Home;

/// <summary>
/// An officer's home: their departments' sub-projects of the year, returned results first,
/// overdue marked, and the self-evaluation reports they owe; nobody else's.
/// </summary>
public class OfficerDashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Officer_SeesOwnSubProjects_ReturnedFirstAndOverdueMarked_NotAnotherDepartments()
    {
        var planId = await factory.SeededPlanIdAsync();

        // 2019 opened with a deadline long past; 2-2 submitted and returned.
        await factory.OpenPeriodAsync(planId, 2019, new DateOnly(2020, 1, 31));
        await factory.WithDbAsync(async db =>
        {
            var sub = await db.SubProjects.Include(s => s.Task).SingleAsync(s => s.Code == "2-2");
            var period = await db.ResultsPeriods.SingleAsync(p => p.PlanId == planId && p.Year == 2019);
            var result = new YearResult(sub, 2019);
            result.SetNarratives("반려 시험", null, null);
            db.YearResults.Add(result);
            result.Submit(period, "test", DateTime.UtcNow);
            result.Return("test", DateTime.UtcNow, "지표 실적을 다시 확인하세요");
            await db.SaveChangesAsync();
            return 0;
        });

        var (own, other) = await OwnAndOtherAsync(2019);
        Assert.NotEmpty(other);

        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var home = await officer.GetDocumentAsync("/");
        var main = home.QuerySelector("main")!;
        Assert.NotNull(main.QuerySelector("#dashboard-officer"));
        Assert.Null(main.QuerySelector("#dashboard-coordinator"));
        Assert.Null(main.QuerySelector("#dashboard-member"));
        Assert.Null(main.QuerySelector("#dashboard-viewer"));

        var rows = main.QuerySelectorAll("#officer-subprojects tbody tr").ToList();
        var codes = rows.Select(r => r.GetAttribute("data-code")!).ToList();
        Assert.Equal(own.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(codes, other.Contains);

        // The returned result comes first, with what to do; the others are past the deadline.
        Assert.Equal("2-2", codes[0]);
        Assert.Contains("반려", rows[0].TextContent, StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.Contains("기한 지남", r.TextContent, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector($"a[href='/results/{planId}/2019/{r.GetAttribute("data-code")}']")));
        Assert.Contains("반려된 실적 1건", main.QuerySelector("#officer-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2020-01-31", main.QuerySelector("#dashboard-officer")!.TextContent, StringComparison.Ordinal);

        // The other department's officer sees its own sub-projects only.
        var otherOfficer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var otherCodes = (await otherOfficer.GetDocumentAsync("/")).QuerySelectorAll("#officer-subprojects tbody tr").Select(r => r.GetAttribute("data-code")!).ToList();
        Assert.Equal(other.Order(StringComparer.Ordinal), otherCodes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Officer_SeesSelfEvaluationReportsDue_UnwrittenFirst_WhileTheTFIsScoring()
    {
        // 2019: the T/F is scoring and the reports were due on the default date (2020-02-29,
        // long past); one of ours is written. 2018: sent to review, so nobody writes any more.
        var scoring = await factory.StartCycleAsync(2019);
        var inReview = await factory.StartCycleAsync(2018);
        var (own, other) = await OwnAndOtherAsync(2019);
        Assert.NotEmpty(other);
        var written = own.Order(StringComparer.Ordinal).First();
        await factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(scoring, CancellationToken.None);
            var evaluation = new SelfEvaluation(cycle!, await db.SubProjects.SingleAsync(s => s.Code == written));
            evaluation.WriteReport("자체평가 시험 보고서", "test", DateTime.UtcNow);
            db.SelfEvaluations.Add(evaluation);
            (await db.CycleAsync(inReview, CancellationToken.None))!.SendSelfToReview([]);
            await db.SaveChangesAsync();
            return 0;
        });

        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var section = (await officer.GetDocumentAsync("/")).QuerySelector("#dashboard-officer")!;
        var rows = section.QuerySelectorAll("#officer-self-reports tbody tr").ToList();
        var codes = rows.Select(r => r.GetAttribute("data-code")!).ToList();

        // Exactly our sub-projects of 2019, of the cycle being scored only; the unwritten (overdue) first.
        Assert.Equal(own.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(scoring.ToString(CultureInfo.InvariantCulture), r.GetAttribute("data-cycle")));
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector($"a[href='/evaluations/{scoring}/self/{r.GetAttribute("data-code")}']")));
        Assert.Equal(written, codes[^1]);
        Assert.Contains("작성함", rows[^1].TextContent, StringComparison.Ordinal);
        Assert.Contains("보고서 고치기", rows[^1].TextContent, StringComparison.Ordinal);
        Assert.All(rows.SkipLast(1), r =>
        {
            Assert.Contains("작성 전", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("2020-02-29 (기한 지남)", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("보고서 쓰기", r.TextContent, StringComparison.Ordinal);
            Assert.Contains("portal-overdue", r.ClassList);
        });
        Assert.Contains($"작성하지 않은 보고서 {own.Count - 1}건", section.QuerySelector("#officer-self-summary")!.TextContent, StringComparison.Ordinal);

        // The link is the report page, where this officer may write.
        var page = await officer.GetDocumentAsync($"/evaluations/{scoring}/self/{codes[0]}");
        Assert.NotNull(page.QuerySelector($"form[action='/evaluations/{scoring}/self/{codes[0]}/report']"));

        // The other department's officer is told about its own sub-projects only.
        var otherOfficer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var otherCodes = (await otherOfficer.GetDocumentAsync("/")).QuerySelectorAll("#officer-self-reports tbody tr").Select(r => r.GetAttribute("data-code")!).ToList();
        Assert.Equal(other.Order(StringComparer.Ordinal), otherCodes.Order(StringComparer.Ordinal));

        // A later date on the calendar: the days left, nothing overdue.
        await factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(scoring, CancellationToken.None);
            cycle!.SetCalendar(EvaluationCalendar.Create(new DateOnly(2099, 1, 1), new DateOnly(2099, 2, 28), new DateOnly(2099, 3, 31), new DateOnly(2099, 4, 30)));
            await db.SaveChangesAsync();
            return 0;
        });
        var later = (await officer.GetDocumentAsync("/")).QuerySelectorAll("#officer-self-reports tbody tr").ToList();
        Assert.All(later.SkipLast(1), r => Assert.Matches(@"2099-02-28 \([\d,]+일 남음\)", r.TextContent));
        Assert.DoesNotContain(later, r => r.ClassList.Contains("portal-overdue"));

        // Sent to review, the year's reports are no longer due.
        await factory.WithDbAsync(async db =>
        {
            (await db.CycleAsync(scoring, CancellationToken.None))!.SendSelfToReview([]);
            await db.SaveChangesAsync();
            return 0;
        });
        var none = (await officer.GetDocumentAsync("/")).QuerySelector("#dashboard-officer")!;
        Assert.Null(none.QuerySelector("#officer-self-reports"));
        Assert.NotNull(none.QuerySelector("#officer-self-none"));
    }

    /// <summary>The codes of the sub-projects running in the year that 마을사회적경제과 leads or shares, and the others.</summary>
    private Task<(List<string> Own, List<string> Other)> OwnAndOtherAsync(int year) =>
        factory.WithDbAsync(async db =>
        {
            var subs = await db.SubProjects.Where(s => s.StartYear <= year && s.EndYear >= year)
                .Select(s => new { s.Code, Lead = s.LeadDepartment.Name, Shared = s.SharingDepartments.Select(d => d.Department.Name).ToList() })
                .ToListAsync();
            bool Ours(string lead, List<string> shared) => lead == PortalFactory.OwnDepartment || shared.Contains(PortalFactory.OwnDepartment);
            return (subs.Where(s => Ours(s.Lead, s.Shared)).Select(s => s.Code).ToList(), subs.Where(s => !Ours(s.Lead, s.Shared)).Select(s => s.Code).ToList());
        });
}
