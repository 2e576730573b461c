using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.PlanWorkbook;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>Export → import of the seeded plan gives the same plan; the export's layout and its formula guard.</summary>
public class PlanWorkbookRoundTripTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string SeedTitle = "성북구 사회적경제 기본계획";

    private Task<int> SeedPlanIdAsync() => factory.WithDbAsync(db => db.Plans.Where(p => p.Title == SeedTitle).Select(p => p.Id).SingleAsync());

    private Task<HttpClient> Coordinator() => factory.ClientForAsync(Roles.Coordinator);

    [Fact]
    public async Task ExportThenImport_WithANewTitle_GivesTheSamePlanAsANewDraft()
    {
        var seedId = await SeedPlanIdAsync();
        var client = await Coordinator();
        var workbook = await client.DownloadAsync($"/plans/{seedId}/workbook");

        using var response = await client.PostImportAsync(workbook, "성북구.xlsx", newTitle: "성북구 사회적경제 기본계획 (엑셀 사본)");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/plans/[0-9]+$", location);
        var newId = int.Parse(location["/plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(seedId, newId);

        var (title, status) = await factory.WithDbAsync(db => db.Plans.Where(p => p.Id == newId).Select(p => new Tuple<string, PlanStatus>(p.Title, p.Status)).SingleAsync());
        Assert.Equal("성북구 사회적경제 기본계획 (엑셀 사본)", title);
        Assert.Equal(PlanStatus.Draft, status);

        var original = await PlanDump.OfAsync(factory, seedId);
        var copy = await PlanDump.OfAsync(factory, newId);
        Assert.True(original.Count > 400, $"The seed dump has only {original.Count} lines.");
        Assert.Equal(original, copy);

        // The imported plan shows on its pages like the seed does.
        var overview = await client.GetDocumentAsync(location);
        Assert.Contains("1,645 1,784 1,739 1,994 7,162", overview.QuerySelector("tfoot tr")!.Text(), StringComparison.Ordinal);
        Assert.Contains("작성중", overview.QuerySelector(".portal-status")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportOfTheImportedPlan_IsCellForCellTheFirstExport_ButItsTitle()
    {
        var seedId = await SeedPlanIdAsync();
        var client = await Coordinator();
        var first = await client.DownloadAsync($"/plans/{seedId}/workbook");
        using var response = await client.PostImportAsync(first, newTitle: "성북구 사회적경제 기본계획 (두 번째 사본)");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = await client.DownloadAsync(response.Headers.Location!.OriginalString + "/workbook");

        using var a = WorkbookHttp.Open(first);
        using var b = WorkbookHttp.Open(second);
        Assert.Equal(a.Worksheets.Select(s => s.Name), b.Worksheets.Select(s => s.Name));
        foreach (var sheet in a.Worksheets)
        {
            var other = b.Worksheet(sheet.Name);
            Assert.Equal(sheet.LastRowUsed()!.RowNumber(), other.LastRowUsed()!.RowNumber());
            foreach (var cell in sheet.CellsUsed())
            {
                var twin = other.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
                if (sheet.Name == PlanWorkbookLayout.InfoSheet && cell.Address.RowNumber == 2 && cell.Address.ColumnNumber == 2)
                {
                    Assert.Equal("성북구 사회적경제 기본계획 (두 번째 사본)", twin.GetString());
                    continue;
                }

                Assert.True(cell.GetString() == twin.GetString() && cell.DataType == twin.DataType, $"{sheet.Name}!{cell.Address}: '{cell.GetString()}' ({cell.DataType}) became '{twin.GetString()}' ({twin.DataType})");
            }
        }
    }

    [Fact]
    public async Task Export_HasTheDocumentedSheetsFrozenBoldHeadersWidthsAndTypes()
    {
        var seedId = await SeedPlanIdAsync();
        using var workbook = WorkbookHttp.Open(await (await factory.ClientForAsync(Roles.Viewer)).DownloadAsync($"/plans/{seedId}/workbook"));

        Assert.Equal(PlanWorkbookLayout.Sheets, workbook.Worksheets.Select(s => s.Name));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            var headers = sheet.Row(1).CellsUsed().ToList();
            Assert.NotEmpty(headers);
            Assert.All(headers, h => Assert.True(h.Style.Font.Bold, $"{sheet.Name}!{h.Address} is not bold"));
            Assert.All(headers, h => Assert.NotEqual(sheet.ColumnWidth, sheet.Column(h.Address.ColumnNumber).Width));
            Assert.Empty(sheet.CellsUsed(c => c.HasFormula));
        }

        var indicators = workbook.Worksheet(PlanWorkbookLayout.IndicatorSheet);
        Assert.Equal(
            ["세부사업 코드", "단위사업", "구분", "지표명", "단위", "유형", "계 산정방식", "계 문구", "2017년", "2018년", "2019년", "2020년"],
            indicators.Row(1).CellsUsed().Select(c => c.GetString()));
        var supported = indicators.RowWhere(("지표명", "지원 (국·시)"));
        Assert.Equal("업체", indicators.CellAt(supported, "단위").GetString());
        Assert.Equal("15 (5억)", indicators.CellAt(supported, "2017년").GetString());
        Assert.Equal(XLDataType.Text, indicators.CellAt(supported, "2017년").DataType);

        var budget = workbook.Worksheet(PlanWorkbookLayout.BudgetSheet);
        Assert.Equal(["세부사업 코드", "단위사업", "예산 항목", "단위", "비예산", "2017년", "2018년", "2019년", "2020년"], budget.Row(1).CellsUsed().Select(c => c.GetString()));
        var platform = budget.RowWhere(("예산 항목", "지역자원 공유플랫폼 구축"));
        Assert.Equal(XLDataType.Number, budget.CellAt(platform, "2017년").DataType);
        Assert.Equal(25d, budget.CellAt(platform, "2017년").GetDouble());
        Assert.Equal(4, budget.CellsUsed(c => c.GetString() == PlanWorkbookLayout.Yes).Count());

        // Multi-line cells keep one line per bullet, nested bullets ("- …") included, as text.
        var structure = workbook.Worksheet(PlanWorkbookLayout.StructureSheet);
        var nested = structure.CellsUsed(c => c.GetString().Contains("\n- ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(nested);
        Assert.All(nested, c => Assert.True(c.DataType == XLDataType.Text && !c.HasFormula, c.Address.ToString()));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"클릭\")")]
    [InlineData("+82-2-1234-5678")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    public async Task TextThatLooksLikeAFormula_IsImportedAsTextAndExportedAsText(string text)
    {
        var seedId = await SeedPlanIdAsync();
        var client = await Coordinator();
        using var workbook = WorkbookHttp.Open(await client.DownloadAsync($"/plans/{seedId}/workbook"));
        var structure = workbook.Worksheet(PlanWorkbookLayout.StructureSheet);
        var row = structure.RowWhere(("구분", "세부사업"), ("세부사업 코드", "1-1"));
        structure.CellAt(row, "개요").SetValue<string>(text);
        var title = "수식 시험 " + Guid.NewGuid().ToString("N")[..8];

        using var response = await client.PostImportAsync(workbook.ToBytes(), newTitle: title);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var exported = WorkbookHttp.Open(await client.DownloadAsync(response.Headers.Location!.OriginalString + "/workbook"));
        var cell = exported.Worksheet(PlanWorkbookLayout.StructureSheet).Cell(row, 11);

        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(text.Trim(), cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task Template_AnySignedInUser_GetsHeadersAndAnExampleRowThatImports()
    {
        var template = await (await factory.ClientForAsync(Roles.Viewer)).DownloadAsync("/plans/workbook-template");
        using (var workbook = WorkbookHttp.Open(template))
        {
            Assert.Equal(PlanWorkbookLayout.Sheets, workbook.Worksheets.Select(s => s.Name));
            Assert.All(workbook.Worksheets, s => Assert.True(s.LastRowUsed()!.RowNumber() >= 2, $"{s.Name} has no example row"));
            Assert.All(workbook.Worksheets, s => Assert.Equal(1, s.SheetView.SplitRow));
        }

        using var response = await (await Coordinator()).PostImportAsync(template, "양식.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Download_UnknownPlan_Is404()
    {
        using var response = await (await factory.ClientForAsync(Roles.Viewer)).GetAsync(new Uri("/plans/999999/workbook", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_FileNameIsThePlansTitleAndPeriod()
    {
        var seedId = await SeedPlanIdAsync();
        using var response = await (await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment)).GetAsync(new Uri($"/plans/{seedId}/workbook", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("성북구 사회적경제 기본계획_2017-2020.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Import_SameTitleAgain_IsRefusedAtTheTitleCell_AndNothingIsSaved()
    {
        var seedId = await SeedPlanIdAsync();
        var client = await Coordinator();
        var workbook = await client.DownloadAsync($"/plans/{seedId}/workbook");
        var before = await factory.WithDbAsync(db => db.Plans.CountAsync());

        using var response = await client.PostImportAsync(workbook);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["기본정보 시트 2행 B열: 같은 자치단체·시작연도에 계획명이 '성북구 사회적경제 기본계획'인 계획이 이미 있습니다. 새 계획명을 입력하세요."], await response.ProblemsAsync());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task ImportPage_WithoutAFile_SaysSoNextToTheField()
    {
        var client = await Coordinator();
        using var response = await client.PostFormAsync(WorkbookHttp.ImportUrl, WorkbookHttp.ImportUrl, new() { ["NewTitle"] = "제목" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Equal("올릴 통합 문서(.xlsx)를 선택하세요.", document.QuerySelector("#Workbook-error")!.Text());
        Assert.Equal("Workbook-error", document.QuerySelector("input[name='Workbook']")!.GetAttribute("aria-describedby"));
        Assert.Equal("제목", document.QuerySelector("input[name='NewTitle']")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("label[for='Workbook']"));
    }
}
