using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Security;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Evaluations;

/// <summary>
/// No one reads a committee member's scores before the committee is closed: not another
/// member, not the coordinator, not the administrator (through the audit trail), through
/// any GET route of the app, exports included. After closing they are everyone's.
/// </summary>
public class CommitteeSecrecyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Marker = "비밀의견-B-7731";
    private const string MarkerPoints = "13.5";

    [Fact]
    public async Task BeforeClosing_NoRouteShowsAnotherMembersScores_AfterClosingTheResultDoes()
    {
        var fill = await RouteFill.CreateAsync(factory);
        var cycleId = fill.Evaluation.CycleId;
        var (memberB, _) = await factory.SeatMemberAsync(cycleId, "위원B");
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var scores = EvaluationsHttp.Scores(items, "9", MarkerPoints, "14", "4", "9", "14", "14", "19");
        scores[$"Scores[{items[1]}].Comment"] = Marker;
        scores["Submit"] = "true";
        using (var saved = await memberB.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", scores))
        {
            Assert.True(saved.IsRedirectTo($"/evaluations/{cycleId}/score"), $"{saved.StatusCode}");
        }

        // The marker is really on B's own sheet: the search below would find it if it leaked.
        Assert.Contains(Marker, await memberB.GetStringAsync(new Uri($"/evaluations/{cycleId}/score", UriKind.Relative)), StringComparison.Ordinal);

        var askers = new (string Name, HttpClient Client)[]
        {
            ("member A (seated)", await factory.ClientForAsync(Roles.CommitteeMember)),
            ("coordinator", await factory.ClientForAsync(Roles.Coordinator)),
            ("admin", await factory.ClientForAsync(Roles.Admin)),
            ("officer", await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment)),
            ("viewer", await factory.ClientForAsync(Roles.Viewer)),
        };
        var routes = EndpointCatalog.Routes(factory.Services).Where(r => HttpMethods.IsGet(r.Method)).ToList();
        var leaks = new List<string>();
        var visited = 0;
        foreach (var route in routes)
        {
            var routeFill = await fill.ForRouteAsync(factory, route.Pattern);
            foreach (var (url, _) in routeFill.UrlsFor(route.Pattern))
            {
                foreach (var (name, client) in askers)
                {
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    var body = await response.Content.ReadAsByteArrayAsync();
                    visited++;
                    if (Contains(body, Marker))
                    {
                        leaks.Add($"{name} GET {url} → {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(visited > 100, $"only {visited} requests");
        Assert.Empty(leaks);

        // The audit trail records that B's scores changed, sealed.
        var coordinator = askers[1].Client;
        var audit = await coordinator.GetStringAsync(new Uri("/admin/audit?entity=MemberScore", UriKind.Relative));
        Assert.DoesNotContain(Marker, audit, StringComparison.Ordinal);
        Assert.Contains("비공개: 평가위원 점수", System.Net.WebUtility.HtmlDecode(audit), StringComparison.Ordinal);

        // Closing publishes: the other member and the coordinator now read B's comment, on the page and in the workbook.
        await factory.WithDbAsync(async db =>
        {
            var cycle = await db.EvaluationCycles.FindAsync(cycleId);
            cycle!.SetCommitteeRules(Aggregation.Mean, anonymousComments: true, 20m);
            await db.SaveChangesAsync();
            return 0;
        });
        using (var closed = await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []))
        {
            Assert.True(closed.IsRedirectTo($"/evaluations/{cycleId}/committee"));
        }

        var result = await askers[0].Client.GetDocumentAsync($"/evaluations/{cycleId}/external");
        Assert.Contains(Marker, result.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("위원B:", result.Body!.TextContent, StringComparison.Ordinal);
        using var workbookResponse = await askers[0].Client.GetAsync(new Uri($"/evaluations/{cycleId}/external/workbook", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, workbookResponse.StatusCode);
        using var workbook = new XLWorkbook(await workbookResponse.Content.ReadAsStreamAsync());
        Assert.Contains(workbook.Worksheet("의견").RangeUsed()!.Cells(), c => c.GetString().Contains(Marker, StringComparison.Ordinal));

        // Only B submitted: every item's result is B's points, so 13.5 is the 성과목표의 타당성 result.
        var row = workbook.Worksheet("지표별 결과").RangeUsed()!.Rows().Single(r => r.Cell(2).GetString() == "성과목표의 타당성");
        Assert.Equal(13.5m, row.Cell(5).GetValue<decimal>());
    }

    private static bool Contains(byte[] body, string marker)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(marker);
        return body.AsSpan().IndexOf(needle) >= 0 || System.Text.Encoding.UTF8.GetString(body).Contains(System.Net.WebUtility.HtmlEncode(marker), StringComparison.Ordinal);
    }
}
