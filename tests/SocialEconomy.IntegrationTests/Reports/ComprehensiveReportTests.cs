using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>
/// 총괄평가 결과 보고서: judged as the page does, printed as 초안 before finalising and as the
/// final report after, on screen, as PDF (pdftotext) and as .xlsx (ClosedXML).
/// </summary>
public class ComprehensiveReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FormulaReason = "=SUM(1) 수요가 늘어 확대";
    private const string Directions = "사회적경제 생태계 조성에서 지역순환경제로";

    [Fact]
    public async Task TheReport_IsADraftUntilFinalised_ThenTheFinalVerdicts()
    {
        var planId = await factory.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var url = $"/evaluations/comprehensive/{planId}";
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        await factory.ConfirmResultsAsync("1-1", 2017, 1m);
        await factory.ConfirmResultsAsync("1-1", 2018, 0.5m);

        // Nothing to print before the 총괄평가 starts.
        using (var none = await viewer.GetAsync(new Uri($"{url}/report", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        await coordinator.PostPageFormAsync(url, $"/comprehensive/{planId}", new() { ["afterYear"] = "2019" });
        var panelist = await factory.CreateUserAsync($"p-{Guid.NewGuid():N}"[..20], Roles.CommitteeMember);
        await coordinator.PostPageFormAsync(url, "/panel", new() { ["userId"] = panelist.Id });
        var subs = await factory.WithDbAsync(db => db.SubProjects.Where(s => s.Task.PlanId == planId && s.StartYear <= 2019).OrderBy(s => s.Code).Select(s => new { s.Code, s.Name }).ToListAsync());
        await coordinator.PostPageFormAsync(url, "/verdicts/1-1", new() { ["Verdict.Recommendation"] = "Expand", ["Verdict.Assessment"] = "당초 목표 초과 달성", ["Verdict.Reason"] = FormulaReason });
        foreach (var sub in subs.Where(s => s.Code != "1-1"))
        {
            await coordinator.PostPageFormAsync(url, $"/verdicts/{sub.Code}", new() { ["Verdict.Recommendation"] = "Keep", ["Verdict.Reason"] = $"{sub.Code} 계속 추진" });
        }

        // Before finalising: the page links the report; screen, PDF and workbook are 초안.
        Assert.NotNull((await viewer.GetDocumentAsync(url)).QuerySelector($"#comprehensive-report a[href='{url}/report']"));
        var screen = await viewer.GetDocumentAsync($"{url}/report");
        Assert.NotNull(screen.QuerySelector(".report-watermark"));
        Assert.NotNull(screen.QuerySelector($"a[href='{url}/report.pdf']"));
        Assert.NotNull(screen.QuerySelector($"a[href='{url}/report.xlsx']"));
        var row = Squash(screen.QuerySelector("#report-1-1")!.TextContent);
        Assert.Contains("100.0%", row, StringComparison.Ordinal);
        Assert.Contains("50.0%", row, StringComparison.Ordinal);
        Assert.Contains("확대", row, StringComparison.Ordinal);
        Assert.Contains(Squash(FormulaReason), row, StringComparison.Ordinal);
        Assert.Contains(panelist.DisplayName, screen.QuerySelector("#report-panel")!.TextContent, StringComparison.Ordinal);

        var draft = await PdfAsync(viewer, $"{url}/report.pdf");
        Assert.Contains("초안", Squash(draft), StringComparison.Ordinal);
        Assert.Contains("확정전총괄평가", Squash(draft), StringComparison.Ordinal);
        using (var workbook = await WorkbookAsync(viewer, $"{url}/report.xlsx"))
        {
            Assert.Contains("초안", workbook.Worksheet("세부사업별 평가").Cell(1, 1).GetString(), StringComparison.Ordinal);
        }

        await coordinator.PostPageFormAsync(url, "/directions", new() { ["directions"] = Directions });
        using (var final = await coordinator.PostPageFormAsync(url, "/finalise", []))
        {
            Assert.True(final.IsRedirectTo(url));
        }

        // Finalised: every sub-project with its verdict and reason, the directions, page numbers, no 초안.
        var text = await PdfAsync(viewer, $"{url}/report.pdf");
        var squashed = Squash(text);
        Assert.Contains("총괄평가결과보고서", squashed, StringComparison.Ordinal);
        foreach (var sub in subs)
        {
            Assert.Contains(Squash(sub.Name), squashed, StringComparison.Ordinal);
            if (sub.Code != "1-1")
            {
                Assert.Contains(Squash($"{sub.Code} 계속 추진"), squashed, StringComparison.Ordinal);
            }
        }

        Assert.Contains("확대", squashed, StringComparison.Ordinal);
        Assert.Contains("유지", squashed, StringComparison.Ordinal);
        Assert.Contains(Squash(FormulaReason), squashed, StringComparison.Ordinal);
        Assert.Contains("당초목표초과달성", squashed, StringComparison.Ordinal);
        Assert.Contains(Squash(Directions), squashed, StringComparison.Ordinal);
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Matches($@"(?m)^\s*1\s*/\s*{pages}\s*$", text);
        Assert.DoesNotContain("초안", squashed, StringComparison.Ordinal);
        Assert.Null((await viewer.GetDocumentAsync($"{url}/report")).QuerySelector(".report-watermark"));

        using (var workbook = await WorkbookAsync(viewer, $"{url}/report.xlsx"))
        {
            Assert.True(workbook.TryGetWorksheet("총괄평가단", out var panel));
            Assert.Contains(panel!.RangeUsed()!.Cells(), c => c.GetString() == panelist.DisplayName);
            var sheet = workbook.Worksheet("세부사업별 평가");
            Assert.DoesNotContain("초안", sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
            Assert.True(sheet.Cell(1, 1).IsMerged());
            Assert.Equal("연도별 달성률(%)", sheet.Cell(3, 5).GetString());
            Assert.Equal(3, sheet.Cell(3, 5).MergedRange().ColumnCount());
            Assert.Equal("연도별 집행률(%)", sheet.Cell(3, 8).GetString());
            Assert.Equal("2017년", sheet.Cell(4, 5).GetString());
            Assert.Equal(4, sheet.SheetView.SplitRow);
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Equal(3, sheet.PageSetup.FirstRowToRepeatAtTop);
            Assert.Equal(4, sheet.PageSetup.LastRowToRepeatAtTop);

            var first = sheet.RangeUsed()!.Rows().Single(r => r.Cell(2).GetString() == "1-1");
            Assert.Equal(100m, first.Cell(5).GetValue<decimal>());
            Assert.Equal(50m, first.Cell(6).GetValue<decimal>());
            Assert.Equal("#,##0.0", first.Cell(5).Style.NumberFormat.Format);
            Assert.Equal("확정 실적 없음", first.Cell(7).GetString());
            Assert.Equal("확대", first.Cell(11).GetString());
            var reason = first.Cell(13);
            Assert.Equal(FormulaReason, reason.GetString());
            Assert.False(reason.HasFormula);
            Assert.Equal(XLDataType.Text, reason.DataType);
            Assert.Equal(subs.Count, sheet.RangeUsed()!.Rows().Count(r => r.RowNumber() > 4));

            var directions = workbook.Worksheet("차기계획 방향");
            Assert.Equal(Directions, directions.Cell(4, 2).GetString());
            Assert.Equal(3, directions.SheetView.SplitRow);
        }
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task<string> PdfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return await ReportFiles.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<XLWorkbook> WorkbookAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }
}
