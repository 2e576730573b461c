using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>The 재정계획 report of the seeded plan: on screen, as PDF read back with pdftotext, and as .xlsx read back with ClosedXML.</summary>
public class FinanceReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Computed from the lines (docs/seed-data.md): the source prints 7,156 as its total but its yearly totals add up to 7,162.
    private static readonly string[] Totals = ["7,162", "1,645", "1,784", "1,739", "1,994"];

    [Fact]
    public async Task ThePdf_HasTheTotals_EverySubProject_AndPageNumbers()
    {
        var (planId, names) = await PlanAsync();
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        using var response = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/finance.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = await ReportFiles.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("재정계획", flat, StringComparison.Ordinal);
        Assert.Contains("마을사회적경제과", flat, StringComparison.Ordinal);
        Assert.Contains("(단위: 백만원)", flat, StringComparison.Ordinal);
        foreach (var total in Totals)
        {
            Assert.Contains(total, flat, StringComparison.Ordinal);
        }

        Assert.Contains("7,156", flat, StringComparison.Ordinal);
        foreach (var name in names)
        {
            Assert.Contains(Squash(name), Squash(text), StringComparison.Ordinal);
        }

        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(pages >= 2, $"{pages} pages");
        // The footer prints "n / N" on every page.
        Assert.Matches($@"(?m)^\s*1\s*/\s*{pages}\s*$", text);
        Assert.Matches($@"(?m)^\s*{pages}\s*/\s*{pages}\s*$", text);
        Assert.DoesNotContain("초안", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWorkbook_HasTheSameNumbers_WithUnitsFormatsAndPrintSetup()
    {
        var (planId, names) = await PlanAsync();
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using var response = await officer.GetAsync(new Uri($"/plans/{planId}/reports/finance.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("재정계획");
        Assert.Equal("합계(백만원)", sheet.Cell(3, 3).GetString());
        Assert.Equal("연도별 재정규모(백만원)", sheet.Cell(3, 4).GetString());
        Assert.True(sheet.Cell(3, 4).IsMerged());
        Assert.Equal([2017, 2018, 2019, 2020], Enumerable.Range(4, 4).Select(c => sheet.Cell(4, c).GetValue<int>()));
        Assert.Equal("총액", sheet.Cell(5, 1).GetString());
        Assert.Equal([7162m, 1645m, 1784m, 1739m, 1994m], Enumerable.Range(3, 5).Select(c => sheet.Cell(5, c).GetValue<decimal>()));
        Assert.Equal("#,##0.###", sheet.Cell(5, 3).Style.NumberFormat.Format);
        Assert.Equal(4, sheet.SheetView.SplitRow);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        var texts = sheet.RangeUsed()!.Cells().Select(c => c.GetString()).ToList();
        foreach (var name in names)
        {
            Assert.Contains(texts, t => t.EndsWith(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheScreenVersion_IsThePrintViewWithItsDownloads()
    {
        var (planId, _) = await PlanAsync();
        var member = await factory.ClientForAsync(Roles.CommitteeMember);
        var page = await member.GetDocumentAsync($"/plans/{planId}/reports/finance");
        Assert.Equal("7,162", page.QuerySelector("#finance tbody tr td.num")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{planId}/reports/finance.pdf']"));
        Assert.Null(page.QuerySelector(".report-watermark"));
    }

    [Fact]
    public async Task ADraftPlan_PrintsAsADraft()
    {
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var draftId = await factory.WithDbAsync(async db =>
        {
            var source = await db.Plans.Include(p => p.OwningDepartment).FirstAsync();
            var draft = new Domain.Planning.BasicPlan("초안 시험 계획", source.District, source.OwningDepartment, new Domain.Planning.YearRange(2025, 2027), "비전");
            db.Plans.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        var page = await coordinator.GetDocumentAsync($"/plans/{draftId}/reports/finance");
        Assert.NotNull(page.QuerySelector(".report-watermark"));
        using var pdf = await coordinator.GetAsync(new Uri($"/plans/{draftId}/reports/finance.pdf", UriKind.Relative));
        Assert.Contains("초안", await ReportFiles.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private Task<(int PlanId, List<string> Names)> PlanAsync() =>
        factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var names = await db.SubProjects.Where(s => s.Task.PlanId == planId && s.BudgetLines.Any()).Select(s => s.Name).ToListAsync();
            return (planId, names);
        });
}

/// <summary>Without a browser the PDF is refused with a Korean page (503) and the screen and Excel versions still work.</summary>
public sealed class ReportPrinterUnavailableTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public ReportPrinterUnavailableTests() => _factory.Settings["Reports:ChromiumPath"] = "/nonexistent/chromium";

    [Fact]
    public async Task NoBrowser_Gives503WithAKoreanMessage()
    {
        var planId = await _factory.WithDbAsync(db => db.Plans.Select(p => p.Id).FirstAsync());
        var viewer = await _factory.ClientForAsync(Roles.Viewer);
        using var pdf = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/finance.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("PDF를 만들 수 없습니다", (await pdf.DocumentAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var xlsx = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/finance.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
