using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>
/// 실적 및 자체평가 보고서: a draft while results are unconfirmed or the self-evaluation is open,
/// each reader seeing only the results and scores their pages show them; final once everything
/// is confirmed and locked. PDFs read back with pdftotext, workbooks with ClosedXML.
/// </summary>
public class ResultsReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Year = 2019;

    [Fact]
    public async Task WhileResultsAreOpen_ItIsADraft_AndAnOfficerSeesOnlyWhatTheyMay()
    {
        var planId = await PlanIdAsync();
        await factory.ConfirmResultsAsync("1-1", Year, 0.9m);
        // 1-3 is led by another department: its draft must not reach this department's officer.
        await DraftResultAsync("1-3", "=HYPERLINK(\"x\") 도시재생 초안 서술");
        var cycleId = await factory.StartCycleAsync(Year);
        await ScoreAsync(cycleId, "1-1", "T/F 의견 가나다");

        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var text = await PdfAsync(officer, planId);
        var squashed = ReportFiles.Squash(text);
        Assert.Contains("초안", squashed, StringComparison.Ordinal);
        Assert.Contains("확정되지않은실적", squashed, StringComparison.Ordinal);
        Assert.Contains("자체평가잠금전", squashed, StringComparison.Ordinal);
        Assert.Contains("평가시험용추진실적", squashed, StringComparison.Ordinal);
        Assert.Contains("T/F의견가나다", squashed, StringComparison.Ordinal);
        Assert.Contains("90.0%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("도시재생초안서술", squashed, StringComparison.Ordinal);
        Assert.Contains("확정전(비공개)", squashed, StringComparison.Ordinal);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Matches($@"(?m)^\s*{pages}\s*/\s*{pages}\s*$", text);

        using (var workbook = await WorkbookAsync(officer, planId))
        {
            var narratives = workbook.Worksheet("추진실적 서술");
            Assert.DoesNotContain(narratives.RangeUsed()!.Cells(), c => c.GetString().Contains("도시재생 초안", StringComparison.Ordinal));
            var summary = workbook.Worksheet("요약");
            var first = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "1-1");
            Assert.Equal(90.0m, first.Cell(5).GetValue<decimal>());
            Assert.Equal("#,##0.0", first.Cell(5).Style.NumberFormat.Format);
            Assert.Contains("초안", summary.Cell(2, 1).GetString(), StringComparison.Ordinal);
        }

        // The coordinator sees the other department's draft; the formula-looking text stays text.
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        Assert.Contains("도시재생초안서술", ReportFiles.Squash(await PdfAsync(coordinator, planId)), StringComparison.Ordinal);
        using (var workbook = await WorkbookAsync(coordinator, planId))
        {
            var cell = workbook.Worksheet("추진실적 서술").RangeUsed()!.Cells().Single(c => c.GetString().Contains("도시재생 초안", StringComparison.Ordinal));
            Assert.False(cell.HasFormula);
            Assert.StartsWith("=HYPERLINK", cell.GetString(), StringComparison.Ordinal);
        }

        // A viewer reads confirmed results only, and no self-evaluation before it is locked.
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        var page = await viewer.GetDocumentAsync($"/plans/{planId}/reports/results/{Year}");
        Assert.NotNull(page.QuerySelector(".report-watermark"));
        Assert.DoesNotContain("T/F 의견 가나다", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("평가 시험용 추진실적", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceEverythingIsConfirmedAndLocked_ItPrintsWithoutTheDraftMark()
    {
        const int year = 2018;
        var planId = await PlanIdAsync();
        var codes = await factory.WithDbAsync(db => db.SubProjects.Where(s => s.StartYear <= year && s.EndYear >= year).OrderBy(s => s.Task.Number).ThenBy(s => s.SortOrder).Select(s => s.Code).ToListAsync());
        foreach (var code in codes)
        {
            await factory.ConfirmResultsAsync(code, year, 1m);
        }

        var cycleId = await factory.StartCycleAsync(year);
        foreach (var code in codes)
        {
            await ScoreAsync(cycleId, code, $"{code} 종합 의견");
        }

        await factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(cycleId, CancellationToken.None);
            cycle!.SendSelfToReview([]);
            cycle.LockSelf("실무협의체 검토 결과 원안 확정", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });

        var viewer = await factory.ClientForAsync(Roles.Viewer);
        using var response = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/results/{year}.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await ReportFiles.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        var squashed = ReportFiles.Squash(text);
        Assert.DoesNotContain("초안", squashed, StringComparison.Ordinal);
        Assert.Contains("2018년실적및자체평가보고서", squashed, StringComparison.Ordinal);
        Assert.Contains("실무협의체검토결과원안확정", squashed, StringComparison.Ordinal);
        foreach (var code in codes)
        {
            Assert.Contains(ReportFiles.Squash($"{code} 종합 의견"), squashed, StringComparison.Ordinal);
        }

        using var workbook = await WorkbookAsync(viewer, planId, year);
        Assert.Equal(["요약", "성과지표 실적", "추진일정", "예산 집행", "추진실적 서술", "자체평가"], workbook.Worksheets.Select(w => w.Name));
        var summary = workbook.Worksheet("요약");
        Assert.Equal(codes, summary.RowsUsed().Skip(3).Select(r => r.Cell(1).GetString()).Where(c => c.Contains('-', StringComparison.Ordinal)).ToList());
        Assert.DoesNotContain("초안", summary.Cell(2, 1).GetString(), StringComparison.Ordinal);
        var self = workbook.Worksheet("자체평가");
        var totals = self.RowsUsed().Where(r => r.Cell(3).GetString() == "합계").ToList();
        Assert.Equal(codes.Count, totals.Count);
        Assert.All(totals, r => Assert.Equal(XLDataType.Number, r.Cell(5).DataType));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(3, sheet.SheetView.SplitRow);
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Equal(3, sheet.PageSetup.FirstRowToRepeatAtTop);
        }
    }

    private Task<int> PlanIdAsync() => factory.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private static async Task<string> PdfAsync(HttpClient client, int planId, int year = Year)
    {
        using var response = await client.GetAsync(new Uri($"/plans/{planId}/reports/results/{year}.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReportFiles.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<XLWorkbook> WorkbookAsync(HttpClient client, int planId, int year = Year)
    {
        using var response = await client.GetAsync(new Uri($"/plans/{planId}/reports/results/{year}.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private Task<int> DraftResultAsync(string code, string achievements) =>
        factory.WithDbAsync(async db =>
        {
            var sub = await db.SubProjects.SingleAsync(s => s.Code == code);
            var result = new YearResult(sub, Year);
            result.SetNarratives(achievements, null, null);
            db.YearResults.Add(result);
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>The T/F's scores for one sub-project: every item at its maximum, with a comment on the first.</summary>
    private Task<int> ScoreAsync(int cycleId, string code, string comment) =>
        factory.WithDbAsync(async db =>
        {
            var cycle = await db.CycleAsync(cycleId, CancellationToken.None);
            var sub = await db.SubProjects.SingleAsync(s => s.Code == code);
            var evaluation = await db.SelfEvaluations.Include(e => e.Scores).FirstOrDefaultAsync(e => e.CycleId == cycleId && e.SubProjectId == sub.Id)
                ?? db.SelfEvaluations.Add(new SelfEvaluation(cycle!, sub)).Entity;
            var items = cycle!.SelfFramework.Items;
            var inputs = items.ToDictionary(i => i.Id, i => new ScoreInput(i.MaxPoints.ToString(CultureInfo.InvariantCulture), i == items[0] ? comment : null, "시험 채점"));
            var problems = evaluation.Score(inputs, null, "test", DateTime.UtcNow);
            Assert.Empty(problems);
            await db.SaveChangesAsync();
            return 0;
        });
}
