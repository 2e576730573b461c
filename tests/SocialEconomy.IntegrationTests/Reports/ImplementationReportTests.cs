using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>연차별 시행계획 of the seeded plan: one year's targets, milestones and budget, with the year's revisions noted.</summary>
public class ImplementationReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheYear_ListsEverySubProjectsTargetsAndBudget_AndItsRevisions()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());

        // A revision of 2019's target for one indicator, as the tables editor records it.
        var (indicator, subName) = await factory.WithDbAsync(async db =>
        {
            var sub = await db.SubProjects.Include(s => s.Task).ThenInclude(t => t.Plan).Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets).FirstAsync(s => s.Code == "1-1");
            var target = sub.ActionItems.SelectMany(a => a.Indicators).First(i => i.TargetFor(2019).Number is not null);
            db.PlanRevisions.Add(new PlanRevision(sub, RevisionSubject.Target, target.Id, target.Name, 2019, "3", "5", "수요 증가로 상향", "test", DateTime.UtcNow));
            await db.SaveChangesAsync();
            return (target.Name, sub.Name);
        });
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var page = await viewer.GetDocumentAsync($"/plans/{planId}/reports/implementation/2019");
        Assert.Equal("1,739 백만원", page.QuerySelector("#year-total")!.TextContent);
        Assert.Contains("2019년 연차별 시행계획", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var names = await factory.WithDbAsync(db => db.SubProjects.Where(s => s.StartYear <= 2019 && s.EndYear >= 2019).Select(s => s.Name).ToListAsync());
        var headings = page.QuerySelectorAll("h3").Select(h => h.TextContent).ToList();
        Assert.Equal(names.Count, headings.Count);
        Assert.All(names, n => Assert.Contains(headings, h => h.Contains(n, StringComparison.Ordinal)));
        Assert.Contains("당초 3 → 변경 5 (수요 증가로 상향)", page.Body!.TextContent, StringComparison.Ordinal);

        using var pdf = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/implementation/2019.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await ReportFiles.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        var squashed = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("1,739백만원", squashed, StringComparison.Ordinal);
        Assert.Contains(string.Concat(subName.Where(c => !char.IsWhiteSpace(c))), squashed, StringComparison.Ordinal);
        Assert.Contains("수요증가로상향", squashed, StringComparison.Ordinal);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Matches($@"(?m)^\s*{pages}\s*/\s*{pages}\s*$", text);
        Assert.NotNull(indicator);
    }

    [Fact]
    public async Task AYearOutsideThePlan_IsNotFound()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        using var response = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/implementation/2021", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
