using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Reports;

/// <summary>The printed 기본계획 of the seeded plan: the PDF read back with pdftotext, the workbook with ClosedXML.</summary>
public partial class PlanBookTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Computed from the lines (docs/seed-data.md): the source prints 7,156 as its total but its yearly totals add up to 7,162.
    private static readonly string[] Totals = ["7,162", "1,645", "1,784", "1,739", "1,994"];

    /// <summary>A dozen targets as the seed prints them: sub-project, indicator, the row 계 then 2017–2020.</summary>
    private static readonly (string Code, string Indicator, string[] Row)[] Targets =
    [
        ("1-1", "발굴단 구성", ["18", "3", "4", "5", "6"]),
        ("1-2", "목표시설수", ["17", "2", "3", "5", "7"]),
        ("1-2", "지역자산화 용역", ["30,000", "30,000", "-", "-", "-"]),
        ("1-3", "도시재생사업과 연계한 맞춤형 교육", ["1,900", "100", "300", "500", "1,000"]),
        ("2-1", "사업목표 (교육인원)", ["3,500", "500", "1,000", "1,000", "1,000"]),
        ("2-1", "홍보물제작", ["24,000", "6,000", "6,000", "6,000", "6,000"]),
        ("2-2", "혁신프로젝트 시도 및 성공모델 창출", ["45", "센터내 발굴시스템 구축", "10", "15", "20"]),
        ("2-3", "협동조합설립", ["77", "17", "20", "20", "20"]),
        ("2-3", "공공서비스 위탁 협동조합 육성", ["17", "2", "3", "5", "7"]),
        ("4-1", "정기회의", ["40", "10", "10", "10", "10"]),
        ("4-1", "위원회 개최", ["16", "4", "4", "4", "4"]),
        ("4-3", "사회적경제 제품 홍보", ["20,000", "5,000", "5,000", "5,000", "5,000"]),
    ];

    [Fact]
    public async Task ThePdf_HasTheCover_Contents_EverySubProject_TheTargets_AndTheTotals()
    {
        var (planId, names) = await PlanAsync();
        var viewer = await factory.ClientForAsync(Roles.Viewer);
        using var response = await viewer.GetAsync(new Uri($"/plans/{planId}/reports/book.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = await ReportFiles.PdfTextAsync(bytes);
        var pages = text.Split('\f');
        var squashed = Squash(text);

        // The cover alone on page 1, then the contents, with every sub-project listed.
        Assert.Contains("성북구사회적경제기본계획", Squash(pages[0]), StringComparison.Ordinal);
        Assert.Contains("마을사회적경제과", pages[0], StringComparison.Ordinal);
        Assert.Contains("목차", pages[1], StringComparison.Ordinal);
        Assert.Contains("비전및목표", squashed, StringComparison.Ordinal);
        foreach (var name in names)
        {
            Assert.True(Count(squashed, Squash(name)) >= 3, $"{name}: in the contents, the task table and its own section");
        }

        foreach (var (code, indicator, row) in Targets)
        {
            // pdftotext -layout keeps a table row on one line: name, unit, 계, then the years.
            var line = text.Split('\n').FirstOrDefault(l => Squash(l).Contains(Squash(indicator), StringComparison.Ordinal) && row.All(v => l.Contains(v, StringComparison.Ordinal)));
            Assert.True(line is not null, $"{code} {indicator}: {string.Join(" | ", row)}");
        }

        foreach (var total in Totals)
        {
            Assert.Contains(total, text, StringComparison.Ordinal);
        }

        Assert.Contains("7,156", text, StringComparison.Ordinal);
        var count = pages.Count(p => !string.IsNullOrWhiteSpace(p));
        Assert.True(count >= 15, $"{count} pages");
        Assert.Matches($@"(?m)^\s*1\s*/\s*{count}\s*$", text);
        Assert.Matches($@"(?m)^\s*{count}\s*/\s*{count}\s*$", text);
        Assert.DoesNotContain("초안", squashed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWorkbook_HasOneSheetPerPart_WithNumbersAsNumbers()
    {
        var (planId, names) = await PlanAsync();
        var officer = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        using var response = await officer.GetAsync(new Uri($"/plans/{planId}/reports/book.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["비전 및 목표", "추진과제 및 세부사업", "성과지표", "추진일정", "재정계획"], workbook.Worksheets.Select(s => s.Name));

        var structure = workbook.Worksheet("추진과제 및 세부사업");
        var listed = structure.RowsUsed().Skip(3).Select(r => r.Cell(3).GetString()).ToList();
        Assert.Equal(names, listed);

        var indicators = workbook.Worksheet("성과지표");
        Assert.Equal("연도별 목표(단위는 행마다)", indicators.Cell(3, 7).GetString());
        Assert.True(indicators.Cell(3, 7).IsMerged());
        Assert.Equal(["2017년", "2018년", "2019년", "2020년"], Enumerable.Range(7, 4).Select(c => indicators.Cell(4, c).GetString()));
        Assert.Equal(4, indicators.SheetView.SplitRow);
        Assert.Equal(XLPaperSize.A4Paper, indicators.PageSetup.PaperSize);
        Assert.Equal(1, indicators.PageSetup.PagesWide);
        foreach (var (code, indicator, row) in Targets)
        {
            var found = indicators.RowsUsed().Single(r => r.Cell(1).GetString().StartsWith(code + " ", StringComparison.Ordinal) && r.Cell(4).GetString() == indicator);
            for (var i = 0; i < row.Length; i++)
            {
                var cell = found.Cell(6 + i);
                if (decimal.TryParse(row[i], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    Assert.True(cell.DataType == XLDataType.Number, $"{code} {indicator} column {6 + i} is {cell.DataType}");
                    Assert.Equal(number, cell.GetValue<decimal>());
                    Assert.Equal("#,##0.###", cell.Style.NumberFormat.Format);
                }
                else
                {
                    Assert.Equal(row[i], cell.GetString());
                }
            }
        }

        var finance = workbook.Worksheet("재정계획");
        Assert.Equal([7162m, 1645m, 1784m, 1739m, 1994m], Enumerable.Range(3, 5).Select(c => finance.Cell(5, c).GetValue<decimal>()));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.True(sheet.SheetView.SplitRow >= 3, $"{sheet.Name} freezes its header");
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.True(sheet.PageSetup.FirstRowToRepeatAtTop >= 3, $"{sheet.Name} repeats its header");
        }
    }

    [Fact]
    public async Task TheScreenVersion_LinksBothFiles_AndThePlanPageLinksTheBook()
    {
        var (planId, _) = await PlanAsync();
        var member = await factory.ClientForAsync(Roles.CommitteeMember);
        var book = await member.GetDocumentAsync($"/plans/{planId}/reports/book");
        Assert.Single(book.QuerySelectorAll("h1"));
        Assert.Equal(13, book.QuerySelectorAll(".book-subproject").Length);
        Assert.NotNull(book.QuerySelector($"a[href='/plans/{planId}/reports/book.pdf']"));
        Assert.NotNull(book.QuerySelector($"a[href='/plans/{planId}/reports/book.xlsx']"));
        var plan = await member.GetDocumentAsync($"/plans/{planId}");
        Assert.NotNull(plan.QuerySelector($"a[href='/plans/{planId}/reports/book']"));
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private Task<(int PlanId, List<string> Names)> PlanAsync() =>
        factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var names = await db.SubProjects.Where(s => s.Task.PlanId == planId).OrderBy(s => s.Task.Number).ThenBy(s => s.SortOrder).Select(s => s.Name).ToListAsync();
            return (planId, names);
        });
}
