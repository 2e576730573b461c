using System.Net;
using ClosedXML.Excel;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.IntegrationTests.Evaluations;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>외부평가 결과 as a printed report: refused to everyone before closing, then the aggregates in the PDF.</summary>
public class ExternalReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheReport_IsPrintedOnlyAfterClosing_WithTheAggregates()
    {
        var cycleId = await factory.StartCycleAsync(2018);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}", "/rules", new() { ["Rules.Aggregation"] = "Mean", ["Rules.GapThreshold"] = "20" });
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var (first, _) = await factory.SeatMemberAsync(cycleId, "위원가");
        var (second, _) = await factory.SeatMemberAsync(cycleId, "위원나");
        foreach (var (member, points) in new[] { (first, new[] { "9", "12", "13", "3", "8", "12", "11", "17" }), (second, new[] { "8", "12", "12", "0", "8", "12", "12", "16" }) })
        {
            var sheet = EvaluationsHttp.Scores(items, points);
            sheet[$"Scores[{items[0]}].Comment"] = "T/F 회의 기록이 충실함";
            sheet["Submit"] = "true";
            await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", sheet);
        }

        // Before closing nobody prints it, the members included.
        foreach (var client in new[] { first, coordinator })
        {
            using var early = await client.GetAsync(new Uri($"/evaluations/{cycleId}/external/report.pdf", UriKind.Relative));
            Assert.True(early.StatusCode == HttpStatusCode.Forbidden || early.IsRedirectTo("/account/denied"), $"{early.StatusCode}");
        }

        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []);
        using var pdf = await first.GetAsync(new Uri($"/evaluations/{cycleId}/external/report.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await ReportFiles.PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        var squashed = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

        // Totals 85 and 80: the mean is 82.5; the first item 9 and 8 gives 8.5 with a spread of 1.
        Assert.Contains("2018년외부평가결과", squashed, StringComparison.Ordinal);
        Assert.Contains("82.5점", squashed, StringComparison.Ordinal);
        Assert.Contains("8.5점", squashed, StringComparison.Ordinal);
        Assert.Contains("산술평균", squashed, StringComparison.Ordinal);
        Assert.Contains("T/F회의기록이충실함", squashed, StringComparison.Ordinal);
        Assert.Contains("전년도평가결과와해당년도계획의연관성", squashed, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*1\s*/\s*\d+\s*$", text);
        Assert.DoesNotContain("초안", squashed, StringComparison.Ordinal);

        var page = await coordinator.GetDocumentAsync($"/evaluations/{cycleId}/external/report");
        Assert.Equal("82.5점", page.QuerySelector("#report-total")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/evaluations/{cycleId}/external/report.xlsx']"));
    }

    [Fact]
    public async Task TheWorkbook_HasOneSheetPerSection_WithPointsAsNumbers()
    {
        var cycleId = await factory.StartCycleAsync(2019);
        var coordinator = await factory.ClientForAsync(Roles.Coordinator);
        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}", "/rules", new() { ["Rules.Aggregation"] = "Mean", ["Rules.GapThreshold"] = "20" });
        var items = await factory.ItemIdsAsync(cycleId, FrameworkKind.External);
        var (first, _) = await factory.SeatMemberAsync(cycleId, "위원가");
        var (second, _) = await factory.SeatMemberAsync(cycleId, "위원나");
        foreach (var (member, points) in new[] { (first, new[] { "9", "12", "13", "3", "8", "12", "11", "17" }), (second, new[] { "8", "12", "12", "0", "8", "12", "12", "16" }) })
        {
            var sheet = EvaluationsHttp.Scores(items, points);
            sheet[$"Scores[{items[0]}].Comment"] = "=HYPERLINK(\"x\") 회의 기록 충실";
            sheet["Submit"] = "true";
            await member.PostPageFormAsync($"/evaluations/{cycleId}/score", "/score", sheet);
        }

        await coordinator.PostPageFormAsync($"/evaluations/{cycleId}/committee", "/committee/close", []);
        foreach (var path in new[] { "workbook", "report.xlsx" })
        {
            using var response = await first.GetAsync(new Uri($"/evaluations/{cycleId}/external/{path}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(["위원회", "지표별 결과", "자체·외부 비교", "의견"], workbook.Worksheets.Select(w => w.Name));
            foreach (var sheet in workbook.Worksheets)
            {
                Assert.True(sheet.Cell(1, 1).IsMerged(), sheet.Name);
                Assert.Equal(3, sheet.SheetView.SplitRow);
                Assert.True(sheet.Cell(3, 1).Style.Font.Bold, sheet.Name);
                Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
                Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
                Assert.Equal(1, sheet.PageSetup.PagesWide);
                Assert.Equal(3, sheet.PageSetup.FirstRowToRepeatAtTop);
            }

            Assert.Contains(workbook.Worksheet("위원회").RangeUsed()!.Cells(), c => c.GetString() == "산술평균");

            // Points are numbers: the first item 9 and 8 gives 8.5 with a spread of 1; the total is 82.5.
            var results = workbook.Worksheet("지표별 결과");
            Assert.Equal("결과(점)", results.Cell(3, 5).GetString());
            Assert.Equal(XLDataType.Number, results.Cell(4, 5).DataType);
            Assert.Equal(8.5m, results.Cell(4, 5).GetValue<decimal>());
            Assert.Equal(1m, results.Cell(4, 8).GetValue<decimal>());
            Assert.Equal("0.0#", results.Cell(4, 5).Style.NumberFormat.Format);
            var total = results.RangeUsed()!.Rows().Single(r => r.Cell(1).GetString().StartsWith("합계", StringComparison.Ordinal));
            Assert.Equal(82.5m, total.Cell(5).GetValue<decimal>());

            // The comment starting with = stays text.
            var comment = workbook.Worksheet("의견").RangeUsed()!.Cells().First(c => c.GetString().Contains("회의 기록 충실", StringComparison.Ordinal));
            Assert.False(comment.HasFormula);
            Assert.Equal(XLDataType.Text, comment.DataType);
        }
    }
}
