using System.Net;
using ClosedXML.Excel;
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
            var sub = await db.SubProjects.Include(s => s.Task).ThenInclude(t => t.Plan).Include(s => s.BudgetLines).Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets).FirstAsync(s => s.Code == "1-1");
            var target = sub.ActionItems.SelectMany(a => a.Indicators).First(i => i.TargetFor(2019).Number is not null);
            db.PlanRevisions.Add(new PlanRevision(sub, RevisionSubject.Target, target.Id, target.Name, 2019, "3", "5", "수요 증가로 상향", "test", DateTime.UtcNow));
            // A reason that looks like a formula must reach the workbook as text.
            var line = sub.BudgetLines[0];
            db.PlanRevisions.Add(new PlanRevision(sub, RevisionSubject.Budget, line.Id, line.Name, 2019, "10", "10", "=1+1 단가 조정", "test", DateTime.UtcNow));
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

        using var xlsx = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/implementation/2019.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(["성과지표", "추진일정", "예산"], workbook.Worksheets.Select(w => w.Name));
        var budget = workbook.Worksheet("예산");
        Assert.Equal("금액(백만원)", budget.Cell(3, 3).GetString());
        Assert.Equal(1739m, budget.Cell(4, 3).GetValue<decimal>());
        Assert.Equal("#,##0.###", budget.Cell(4, 3).Style.NumberFormat.Format);
        var injected = budget.RowsUsed().Select(r => r.Cell(4)).Single(c => c.GetString().Contains("단가 조정", StringComparison.Ordinal));
        Assert.False(injected.HasFormula);
        Assert.Equal(XLDataType.Text, injected.DataType);
        var targets = workbook.Worksheet("성과지표");
        var revised = targets.RowsUsed().Single(r => r.Cell(3).GetString() == indicator);
        Assert.Equal(XLDataType.Number, revised.Cell(5).DataType);
        Assert.Equal("당초 3 → 변경 5 (수요 증가로 상향)", revised.Cell(6).GetString());
        var listed = workbook.Worksheets.SelectMany(w => w.RowsUsed().Skip(3).Select(r => r.Cell(1).GetString())).Where(t => t.Length > 0).ToHashSet();
        Assert.Contains($"1-1 {subName}", listed);
        Assert.All(listed.Where(l => l != "합계"), l => Assert.Contains(names, n => l.EndsWith(n, StringComparison.Ordinal)));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(3, sheet.SheetView.SplitRow);
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Contains("2019년 연차별 시행계획", sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
        }
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
