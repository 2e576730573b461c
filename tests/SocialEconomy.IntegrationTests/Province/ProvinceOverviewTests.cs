using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Province;

/// <summary>
/// 시·군·구 현황: a 시·도 sees the 시·군·구 under it side by side, confirmed results only, and
/// nothing of a 시·군·구 that is not under it; no one else has the page.
/// </summary>
public class ProvinceOverviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Year = 2018;

    [Fact]
    public async Task TheProvince_SeesEachGovernmentUnderIt_WithConfirmedFiguresOnly()
    {
        var province = await factory.AddGovernmentAsync("현황도", GovernmentLevel.Province);
        var neighbour = await factory.AddGovernmentAsync("현황군", GovernmentLevel.Local, province, "사회적경제과");
        var elsewhere = await factory.AddGovernmentAsync("딴곳군", GovernmentLevel.Local, null, "사회적경제과");
        await factory.WithDbAsync(async db =>
        {
            var parent = await db.LocalGovernments.SingleAsync(g => g.Id == province);
            (await db.LocalGovernments.SingleAsync(g => g.ShortName == GovernmentSeeder.ReferenceShortName)).PlaceUnder(parent);
            return await db.SaveChangesAsync();
        });

        // 성북구: two sub-projects confirmed, one still a draft.
        await factory.ConfirmResultsAsync("1-1", Year, 1m);
        await factory.ConfirmResultsAsync("1-2", Year, 0.5m);
        await factory.WithDbAsync(async db =>
        {
            var sub = await db.SubProjects.Include(s => s.Task).ThenInclude(t => t.Plan).SingleAsync(s => s.Code == "1-3");
            var draft = new YearResult(sub, Year);
            draft.SetNarratives("작성 중", null, null);
            db.YearResults.Add(draft);
            return await db.SaveChangesAsync();
        });
        var neighbourPlan = await PlanAsync(neighbour, "현황군 사회적경제 기본계획");
        await PlanAsync(elsewhere, "딴곳군 사회적경제 기본계획");

        var client = await factory.ClientInAsync(province, Roles.Coordinator);
        var page = await client.GetDocumentAsync($"/province?year={Year}");
        var rows = page.QuerySelectorAll("#province tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(2, rows.Count);
        var seongbuk = Assert.Single(rows, r => r.Contains(GovernmentSeeder.ReferenceName, StringComparison.Ordinal));
        Assert.Contains("성북구 사회적경제 기본계획", seongbuk, StringComparison.Ordinal);
        Assert.Contains("2개 /", seongbuk, StringComparison.Ordinal);
        Assert.Contains("백만원", seongbuk, StringComparison.Ordinal);
        var other = Assert.Single(rows, r => r.Contains("현황군", StringComparison.Ordinal));
        Assert.Contains("현황군 사회적경제 기본계획", other, StringComparison.Ordinal);
        Assert.Contains("0개 / 1개", other, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Body!.TextContent, "딴곳군", StringComparison.Ordinal);

        // Each 시·군·구's page, linked from its row: its sub-projects of the year, confirmed figures only.
        var seongbukId = await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.ShortName == GovernmentSeeder.ReferenceShortName).Select(g => g.Id).SingleAsync());
        Assert.NotNull(page.QuerySelector($"#province a[href='/province/{seongbukId}?year={Year}']"));
        var detail = await client.GetDocumentAsync($"/province/{seongbukId}?year={Year}");
        var subRows = detail.QuerySelectorAll(".province-subprojects tbody tr").ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => r.TextContent);
        Assert.Equal(13, subRows.Count);
        Assert.Contains("확정", subRows["1-1"], StringComparison.Ordinal);
        Assert.Contains("%", subRows["1-1"], StringComparison.Ordinal);
        Assert.Contains("백만원", subRows["1-1"], StringComparison.Ordinal);
        Assert.Contains("확정 전", subRows["1-3"], StringComparison.Ordinal);
        Assert.DoesNotContain("작성 중", detail.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("확정 세부사업 2개 / ", detail.QuerySelector("#province-summary")!.TextContent, StringComparison.Ordinal);

        // A 시·군·구 not under this 시·도 answers 404, as does the 시·도 itself.
        foreach (var id in new[] { elsewhere, province })
        {
            using var outside = await client.GetAsync(new Uri($"/province/{id}?year={Year}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }

        // Reading is all: the 시·군·구's own pages stay closed to the 시·도.
        using var plan = await client.GetAsync(new Uri($"/plans/{neighbourPlan}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, plan.StatusCode);

        // A 시·군·구's coordinator has no such page.
        var local = await factory.ClientInAsync(neighbour, Roles.Coordinator, "사회적경제과");
        using var refused = await local.GetAsync(new Uri("/province", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var refusedOwn = await local.GetAsync(new Uri($"/province/{neighbour}?year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refusedOwn.StatusCode);
    }

    private Task<int> PlanAsync(int government, string title) =>
        factory.WithDbAsync(async db =>
        {
            var department = await db.Departments.SingleAsync(d => d.LocalGovernmentId == government);
            var plan = new BasicPlan(title, department.LocalGovernment.ShortName, department, new YearRange(2017, 2020), "함께");
            var task = plan.AddTask(1, "과제", null);
            var sub = task.AddSubProject("1-1", "세부사업", department, plan.Period);
            plan.Adopt();
            plan.MakeCurrent([plan]);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var period = new ResultsPeriod(plan, Year, new DateOnly(2099, 1, 31), DateTime.UtcNow);
            var draft = new YearResult(sub, Year);
            draft.SetNarratives("작성 중", null, null);
            db.AddRange(period, draft);
            await db.SaveChangesAsync();
            return plan.Id;
        });
}
