using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Home;

/// <summary>A committee member's home: the evaluations they are seated on and the next step of each; nobody else's.</summary>
public class MemberDashboardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Member_SeesTheirEvaluations_WithTheNextStep()
    {
        var pending = await factory.StartCycleAsync(2018);
        var scoring = await factory.StartCycleAsync(2019);
        var closed = await factory.StartCycleAsync(2020);
        var (member, userId) = await factory.SeatMemberAsync(pending, "위원병", declared: false);
        await factory.WithDbAsync(async db =>
        {
            foreach (var id in new[] { scoring, closed })
            {
                var cycle = await db.CycleAsync(id, CancellationToken.None);
                cycle!.AddMember(userId, "위원병").Declare(true, null, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
            return 0;
        });

        // 2020: submitted, and the committee closed with the arithmetic mean.
        var items = await factory.ItemIdsAsync(closed, FrameworkKind.External);
        var scores = EvaluationsHttp.Scores(items, "9", "13.5", "14", "4", "9", "14", "14", "19");
        scores["Submit"] = "true";
        using (var saved = await member.PostPageFormAsync($"/evaluations/{closed}/score", "/score", scores))
        {
            Assert.True(saved.IsRedirectTo($"/evaluations/{closed}/score"), $"{saved.StatusCode}");
        }

        await factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(closed, CancellationToken.None);
            cycle!.SetCommitteeRules(Aggregation.Mean, anonymousComments: true, 20m);
            cycle.CloseCommittee(DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

        // Another member seated only on 2019 does not appear on this member's home.
        var (otherMember, _) = await factory.SeatMemberAsync(scoring, "위원정");

        var home = await member.GetDocumentAsync("/");
        var main = home.QuerySelector("main")!;
        Assert.NotNull(main.QuerySelector("#dashboard-member"));
        Assert.Null(main.QuerySelector("#dashboard-coordinator"));
        Assert.Null(main.QuerySelector("#dashboard-officer"));
        Assert.Null(main.QuerySelector("#dashboard-viewer"));
        Assert.DoesNotContain("위원정", main.TextContent, StringComparison.Ordinal);

        var rows = main.QuerySelectorAll("#member-evaluations tbody tr").ToDictionary(r => int.Parse(r.GetAttribute("data-cycle")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([closed, scoring, pending], rows.Keys.ToList());
        Assert.Contains("이해충돌 없음 확인하기", rows[pending].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[pending].QuerySelector($"a[href='/evaluations/{pending}/score']"));
        Assert.Contains("채점하기", rows[scoring].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[scoring].QuerySelector($"a[href='/evaluations/{scoring}/score']"));
        Assert.Contains("평가 마감", rows[closed].TextContent, StringComparison.Ordinal);
        Assert.NotNull(rows[closed].QuerySelector($"a[href='/evaluations/{closed}/external']"));

        // The other member's home lists 2019 only.
        var otherRows = (await otherMember.GetDocumentAsync("/")).QuerySelectorAll("#member-evaluations tbody tr").Select(r => r.GetAttribute("data-cycle")).ToList();
        Assert.Equal([scoring.ToString(System.Globalization.CultureInfo.InvariantCulture)], otherRows);
    }
}
