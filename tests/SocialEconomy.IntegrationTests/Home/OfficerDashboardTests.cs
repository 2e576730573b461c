using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Home;

/// <summary>An officer's home: their departments' sub-projects of the year, returned results first, overdue marked, nobody else's.</summary>
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

        var (own, other) = await factory.WithDbAsync(async db =>
        {
            var subs = await db.SubProjects.Where(s => s.StartYear <= 2019 && s.EndYear >= 2019)
                .Select(s => new { s.Code, Lead = s.LeadDepartment.Name, Shared = s.SharingDepartments.Select(d => d.Department.Name).ToList() })
                .ToListAsync();
            bool Ours(string lead, List<string> shared) => lead == PortalFactory.OwnDepartment || shared.Contains(PortalFactory.OwnDepartment);
            return (subs.Where(s => Ours(s.Lead, s.Shared)).Select(s => s.Code).ToList(), subs.Where(s => !Ours(s.Lead, s.Shared)).Select(s => s.Code).ToList());
        });
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
}
