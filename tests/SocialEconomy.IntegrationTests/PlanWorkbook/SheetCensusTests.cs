using System.Globalization;
using System.Net;
using System.Text;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>Small limits for what the guard counts inside the sheets (PlanWorkbook:MaxSheetBytes, MaxCells, MaxRowsPerSheet).</summary>
public sealed class SheetLimitsFactory : PortalFactory
{
    public SheetLimitsFactory()
    {
        Settings["PlanWorkbook:MaxSheetBytes"] = "65536";
        Settings["PlanWorkbook:MaxCells"] = "1000";
        Settings["PlanWorkbook:MaxRowsPerSheet"] = "20";
    }
}

/// <summary>
/// The guard's look inside the sheets (SheetCensus), before ClosedXML loads anything: the
/// uploads here are bare archives ClosedXML cannot even open, so each refusal below can only
/// come from the guard (before, each was answered "통합 문서를 읽을 수 없습니다" — or, for a
/// real workbook, loaded whole first).
/// </summary>
public class SheetCensusTests(SheetLimitsFactory factory) : IClassFixture<SheetLimitsFactory>
{
    private const string SheetName = "성과지표";

    [Fact]
    public async Task SheetUnpackingPastTheSheetLimit_IsRefusedThoughTheFileIsSmall()
    {
        // Three cells of 40,000 letters each: 120 KB of sheet XML, under 1 KB packed.
        var text = new string('가', 40_000);
        var bare = BareWorkbook(Rows(1, r => Enumerable.Range(1, 3).Select(c => InlineCell(r, c, text))));
        Assert.True(bare.Length < 8 * 1024, $"{bare.Length} bytes");

        Assert.Equal(
            [$"'{SheetName}'의 압축을 푼 크기가 너무 큽니다(최대 1MB). 빈 행·열의 서식을 지우거나 내용을 나누어 다시 저장해 올리세요."],
            await PostAsync(bare));
    }

    [Fact]
    public async Task SheetPartTheWorkbookDoesNotName_IsCheckedAsWell()
    {
        var text = new string('가', 40_000);
        var bare = BareWorkbook(Rows(1, r => [InlineCell(r, 1, "지표")]), ("xl/worksheets/extra.xml", SheetXml(Rows(1, r => Enumerable.Range(1, 3).Select(c => InlineCell(r, c, text))))));

        Assert.Equal(
            ["'xl/worksheets/extra.xml'의 압축을 푼 크기가 너무 큽니다(최대 1MB). 빈 행·열의 서식을 지우거나 내용을 나누어 다시 저장해 올리세요."],
            await PostAsync(bare));
    }

    [Fact]
    public async Task WorkbookWithMoreCellsThanTheLimit_IsRefused()
    {
        // 20 rows (the row cap) of 51 numbers: 1,020 cells in 30 KB of XML.
        var bare = BareWorkbook(Rows(20, r => Enumerable.Range(1, 51).Select(c => NumberCell(r, c))));

        Assert.Equal(["통합 문서의 셀이 너무 많습니다(최대 1,000개). 빈 행·열의 서식을 지우거나 내용을 나누어 다시 저장해 올리세요."], await PostAsync(bare));
    }

    [Fact]
    public async Task SheetWithMoreRowsThanTheLimit_IsRefusedFromItsXml()
    {
        // Rows 1–24 without r (each follows the one before), then row 30 with r, then a row without a cell.
        var rows = string.Concat(Enumerable.Range(1, 24).Select(r => $"<row>{NumberCell(r, 1)}</row>"))
            + $"<row r=\"30\">{NumberCell(30, 1)}</row><row r=\"40\"/>";

        Assert.Equal([$"{SheetName} 시트: 행이 너무 많습니다(30행, 최대 20행)."], await PostAsync(BareWorkbook(rows)));
    }

    [Fact]
    public async Task SheetWithADocumentTypeDeclaration_IsRefusedAsUnreadable()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x \"x\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>";
        var bare = UploadGuardTests.Zip(Parts(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal([Web.Features.PlanWorkbook.WorkbookGuard.Unreadable], await PostAsync(bare));
    }

    private async Task<List<string>> PostAsync(byte[] content)
    {
        var client = await factory.ClientForAsync(Roles.Coordinator);
        using var response = await client.PostImportAsync(content, "계획.xlsx", newTitle: "거부될 계획");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ProblemsAsync();
    }

    /// <summary>The parts the guard reads: content types, the workbook naming one sheet, its relationship, the sheet.</summary>
    internal static byte[] BareWorkbook(string rows, params (string Name, byte[] Content)[] more) =>
        UploadGuardTests.Zip(Parts(SheetXml(rows)).Concat(more));

    /// <summary>A package ClosedXML would open: one sheet of these rows, no styles part, strings inline.</summary>
    internal static byte[] Package(string sheetName, string rows) => UploadGuardTests.Zip(
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"u8.ToArray()),
        .. Parts(SheetXml(rows), sheetName).Where(p => p.Name is not ("[Content_Types].xml" or "xl/styles.xml")),
    ]);

    private static IEnumerable<(string Name, byte[] Content)> Parts(byte[] sheet, string sheetName = SheetName) =>
    [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray()),
        ("xl/workbook.xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + $"<sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"u8.ToArray()),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"u8.ToArray()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];

    private static byte[] SheetXml(string rows) => Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>");

    private static string Rows(int count, Func<int, IEnumerable<string>> cells) =>
        string.Concat(Enumerable.Range(1, count).Select(r => $"<row r=\"{r.ToString(CultureInfo.InvariantCulture)}\">{string.Concat(cells(r))}</row>"));

    private static string Address(int row, int column) =>
        ClosedXML.Excel.XLHelper.GetColumnLetterFromNumber(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string NumberCell(int row, int column) => $"<c r=\"{Address(row, column)}\"><v>{(row * column).ToString(CultureInfo.InvariantCulture)}</v></c>";

    private static string InlineCell(int row, int column, string text) => $"<c r=\"{Address(row, column)}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";
}
