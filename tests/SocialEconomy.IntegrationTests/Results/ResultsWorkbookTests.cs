using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;
using L = SocialEconomy.Web.Features.ResultsWorkbook.ResultsWorkbookLayout;

namespace SocialEconomy.IntegrationTests.Results;

/// <summary>A department's results in Excel: the layout, a round trip, and a table of bad workbooks.</summary>
public class ResultsWorkbookTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Year = 2018;

    private async Task<(int PlanId, int Own, int Other, HttpClient Officer)> ArrangeAsync()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, Year);
        var own = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OwnDepartment).Select(d => d.Id).SingleAsync());
        var other = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OtherDepartment).Select(d => d.Id).SingleAsync());
        return (planId, own, other, await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment));
    }

    private Task<string> KeyAsync(string code, string indicator) =>
        factory.WithDbAsync(async db => "i" + (await db.Indicators.Where(i => i.ActionItem.SubProject.Code == code && i.Name == indicator).Select(i => i.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture));

    private Task<string> BudgetKeyAsync(string name) =>
        factory.WithDbAsync(async db => "b" + (await db.BudgetLines.Where(b => b.Name == name).Select(b => b.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture));

    private Task<string> MilestoneKeyAsync(string label) =>
        factory.WithDbAsync(async db => "m" + (await db.Milestones.Where(m => m.Label == label).Select(m => m.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture));

    private Task<string> SubKeyAsync(string code) =>
        factory.WithDbAsync(async db => "s" + (await db.SubProjects.Where(s => s.Code == code).Select(s => s.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture));

    /// <summary>Everything stored for the year, to show that a refused upload changed nothing.</summary>
    private Task<string> SnapshotAsync() =>
        factory.WithDbAsync(async db =>
        {
            var results = await db.YearResults.Include(r => r.Indicators).Include(r => r.Budget).Include(r => r.Milestones).Where(r => r.Year == Year).AsSplitQuery().OrderBy(r => r.Id).ToListAsync();
            return string.Join(
                '\n',
                results.Select(r => $"{r.SubProjectId}:{r.Status}:{r.Version}:{r.Achievements}:{string.Join(',', r.Indicators.OrderBy(i => i.IndicatorId).Select(i => $"{i.IndicatorId}={i.Input}/{i.Judgement}"))}:{string.Join(',', r.Budget.OrderBy(b => b.BudgetLineId).Select(b => $"{b.BudgetLineId}={b.Input}"))}:{string.Join(',', r.Milestones.OrderBy(m => m.MilestoneId).Select(m => $"{m.MilestoneId}={m.State}/{m.Note}"))}"));
        });

    [Fact]
    public async Task Download_HasTheDepartmentsRowsOnly_TargetsLocked_InputsOpen_ListsForStatuses()
    {
        var (planId, own, _, officer) = await ArrangeAsync();
        using var workbook = new XLWorkbook(new MemoryStream(await officer.DownloadResultsAsync(planId, Year, own)));

        Assert.Equal([L.InfoSheet, L.IndicatorSheet, L.MilestoneSheet, L.BudgetSheet, L.NarrativeSheet], workbook.Worksheets.Select(w => w.Name));
        var indicators = workbook.Worksheet(L.IndicatorSheet);
        var codes = indicators.RowsUsed().Skip(1).Select(r => r.Cell(indicators.ColumnOf(L.Code)).GetString()).Distinct().ToList();
        Assert.Contains("1-1", codes);
        Assert.DoesNotContain("1-3", codes);
        var key = await KeyAsync("1-1", "발굴단 구성");
        Assert.Equal("4", indicators.CellOf(key, L.TargetCol).GetString());
        Assert.Equal("개", indicators.CellOf(key, L.UnitCol).GetString());
        Assert.True(indicators.IsProtected);
        Assert.True(indicators.CellOf(key, L.TargetCol).Style.Protection.Locked);
        Assert.False(indicators.CellOf(key, L.Actual).Style.Protection.Locked);
        Assert.Contains(indicators.DataValidations, v => v.Value.Contains("일부달성", StringComparison.Ordinal));
        Assert.Contains(workbook.Worksheet(L.MilestoneSheet).DataValidations, v => v.Value.Contains("추진중", StringComparison.Ordinal));
        Assert.Contains("단위", indicators.Cell(1, indicators.ColumnOf(L.Actual)).GetString(), StringComparison.Ordinal);
        Assert.Equal("10", workbook.Worksheet(L.BudgetSheet).CellOf(await BudgetKeyAsync("소셜미션발굴단 구성운영"), L.Planned).GetString());

        // Another department's workbook is not for this officer.
        var other = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == PortalFactory.OtherDepartment).Select(d => d.Id).SingleAsync());
        using var denied = await officer.GetAsync(new Uri($"/results/{planId}/{Year}/workbook/download?department={other}", UriKind.Relative));
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundTrip_FilledWorkbook_SavesEveryKindOfValue_AsDraft()
    {
        var (planId, own, _, officer) = await ArrangeAsync();
        var count = await KeyAsync("1-1", "발굴단 구성");
        var milestone = await MilestoneKeyAsync("센터 내 혁신본부 설치");
        var line = await BudgetKeyAsync("소셜미션발굴단 구성운영");
        var sub = await SubKeyAsync("1-1");
        var content = ResultsWorkbookHttp.Change(await officer.DownloadResultsAsync(planId, Year, own), workbook =>
        {
            workbook.Worksheet(L.IndicatorSheet).CellOf(count, L.Actual).SetValue(5);
            workbook.Worksheet(L.MilestoneSheet).CellOf(milestone, L.StateCol).SetValue("완료");
            workbook.Worksheet(L.MilestoneSheet).CellOf(milestone, L.Note).SetValue("T/F 3회 운영");
            workbook.Worksheet(L.BudgetSheet).CellOf(line, L.Executed).SetValue("９．５");
            workbook.Worksheet(L.NarrativeSheet).CellOf(sub, L.Achievements).SetValue("<script>alert(1)</script>\n발굴단 5개 운영");
        });

        var (response, problems) = await officer.UploadResultsAsync(planId, Year, own, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(problems);
        Assert.Contains("4개 행을 임시 저장했습니다", (await response.DocumentAsync()).QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);

        var result = await factory.WithDbAsync(db => db.YearResults.Include(r => r.Indicators).Include(r => r.Budget).Include(r => r.Milestones).AsSplitQuery().SingleAsync(r => r.Year == Year && r.SubProject.Code == "1-1"));
        Assert.Equal(ResultStatus.Draft, result.Status);
        Assert.Equal(5m, result.Indicators.Single().ActualNumber);
        Assert.Equal(9.5m, result.Budget.Single().Executed);
        Assert.Equal("<script>alert(1)</script>\n발굴단 5개 운영", result.Achievements);
        var twoTwo = await factory.WithDbAsync(db => db.YearResults.Include(r => r.Milestones).SingleAsync(r => r.Year == Year && r.SubProject.Code == "2-2"));
        Assert.Equal((MilestoneState.Done, "T/F 3회 운영"), (twoTwo.Milestones.Single().State!.Value, twoTwo.Milestones.Single().Note!));

        // The same workbook again changes nothing: unchanged rows are not changes.
        var (_, again) = await officer.UploadResultsAsync(planId, Year, own, content);
        Assert.Empty(again);
        Assert.Equal(result.Version, await factory.WithDbAsync(db => db.YearResults.Where(r => r.Id == result.Id).Select(r => r.Version).SingleAsync()));

        // The year page shows the script as text.
        var page = await officer.GetDocumentAsync($"/results/{planId}/{Year}/1-1");
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("#Achievements")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmedResults_AreNeverChanged_AndValidRowsModeSavesTheRest()
    {
        var (planId, own, _, officer) = await ArrangeAsync();
        var coordinator = await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment);

        // 1-2 is confirmed through the portal first.
        var url = $"/results/{planId}/{Year}/1-2";
        using (await officer.PostResultAsync(url, page => new() { [page.FieldOf("Actual", "목표시설수")] = "3", [page.FieldOf("Executed", "지역자산화연구용역")] = "0", ["Achievements"] = "자산화 3개소" }, intent: "submit"))
        {
        }

        using (await coordinator.ReviewAsync(url, "confirm", []))
        {
        }

        Assert.Equal(ResultStatus.Confirmed, await factory.WithDbAsync(db => db.YearResults.Where(r => r.Year == Year && r.SubProject.Code == "1-2").Select(r => r.Status).SingleAsync()));
        var confirmedKey = await KeyAsync("1-2", "목표시설수");
        var openKey = await KeyAsync("2-1", (await factory.WithDbAsync(db => db.Indicators.Where(i => i.ActionItem.SubProject.Code == "2-1").Select(i => i.Name).FirstAsync())));
        var content = ResultsWorkbookHttp.Change(await officer.DownloadResultsAsync(planId, Year, own), workbook =>
        {
            workbook.Worksheet(L.IndicatorSheet).CellOf(confirmedKey, L.Actual).SetValue(30);
            workbook.Worksheet(L.IndicatorSheet).CellOf(openKey, L.Actual).SetValue(7);
        });

        var before = await SnapshotAsync();
        var (_, all) = await officer.UploadResultsAsync(planId, Year, own, content);
        Assert.Contains(all, p => p.StartsWith("성과지표|", StringComparison.Ordinal) && p.Contains("확정된 실적은 바꿀 수 없습니다", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());

        var (response, valid) = await officer.UploadResultsAsync(planId, Year, own, content, mode: "valid");
        Assert.Single(valid);
        Assert.Contains("1개 행을 임시 저장했습니다", (await response.DocumentAsync()).QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        Task<string?> InputAsync(string key)
        {
            var id = int.Parse(key[1..], CultureInfo.InvariantCulture);
            return factory.WithDbAsync(db => db.Set<IndicatorResult>().Where(i => i.IndicatorId == id).Select(i => i.Input).SingleAsync());
        }

        Assert.Equal("3", await InputAsync(confirmedKey));
        Assert.Equal("7", await InputAsync(openKey));
    }

    [Fact]
    public async Task StaleWorkbook_DoesNotUndoASaveMadeAfterTheDownload()
    {
        var (planId, own, _, officer) = await ArrangeAsync();
        var count = await KeyAsync("1-1", "발굴단 구성");
        var url = $"/results/{planId}/{Year}/1-1";
        using (await officer.PostResultAsync(url, page => new() { [page.FieldOf("Actual", "발굴단 구성")] = "2" }))
        {
        }

        // Downloaded now, then someone saves on the year page, then the old workbook comes back.
        var downloaded = await officer.DownloadResultsAsync(planId, Year, own);
        using (await officer.PostResultAsync(url, page => new() { [page.FieldOf("Actual", "발굴단 구성")] = "6", ["Achievements"] = "화면에서 저장" }))
        {
        }

        var content = ResultsWorkbookHttp.Change(downloaded, w => w.Worksheet(L.IndicatorSheet).CellOf(count, L.JudgementCol).SetValue("달성"));
        var (response, problems) = await officer.UploadResultsAsync(planId, Year, own, content);
        Assert.Contains(problems, p => p.StartsWith($"{L.NarrativeSheet}|", StringComparison.Ordinal) && p.Contains("내려받은 뒤에 다른 사용자가 저장했습니다", StringComparison.Ordinal));
        Assert.Contains("아무것도 저장하지 않았습니다", (await response.DocumentAsync()).QuerySelector("#import-summary")!.TextContent, StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.YearResults.Include(r => r.Indicators).SingleAsync(r => r.Year == Year && r.SubProject.Code == "1-1"));
        Assert.Equal(("화면에서 저장", "6"), (saved.Achievements!, saved.Indicators.Single(i => i.IndicatorId == int.Parse(count[1..], CultureInfo.InvariantCulture)).Input!));
    }

    public static TheoryData<string> BadWorkbooks() =>
    [
        "numeric target, text actual", "negative count", "formula in actual", "text that looks like a formula", "TRUE in actual", "judgement not in the list",
        "status not in the list", "note too long", "executed not a number", "executed negative", "executed in another unit", "executed is a date",
        "narrative too long", "unknown key", "another department's row", "duplicate row", "blank key with values", "missing sheet",
        "renamed input column", "another plan", "another year", "not a workbook", "macro workbook name", "exe renamed xlsx",
        "empty file", "too many zip entries", "too many rows", "sheet unpacking past 8 MB", "too many cells", "legacy xls content",
    ];

    /// <summary>Each bad workbook: what it is, where its problem is reported, and that nothing changed.</summary>
    [Theory]
    [MemberData(nameof(BadWorkbooks))]
    public async Task BadWorkbook_IsRefusedWhole_WithItsProblemBySheetRowAndColumn(string name)
    {
        var (planId, own, _, officer) = await ArrangeAsync();
        var count = await KeyAsync("1-1", "발굴단 구성");
        var milestone = await MilestoneKeyAsync("센터 내 혁신본부 설치");
        var line = await BudgetKeyAsync("소셜미션발굴단 구성운영");
        var sub = await SubKeyAsync("1-1");
        var otherRow = await KeyAsync("1-3", "지역관리회사 설립운영");
        var downloaded = await officer.DownloadResultsAsync(planId, Year, own);
        byte[] Edit(Action<XLWorkbook> change) => ResultsWorkbookHttp.Change(downloaded, change);
        IXLCell Cell(XLWorkbook w, string sheet, string key, string column) => w.Worksheet(sheet).CellOf(key, column);
        var countRow = new XLWorkbook(new MemoryStream(downloaded)).Worksheet(L.IndicatorSheet).RowOf(count).ToString(CultureInfo.InvariantCulture);

        // Every case also fills one good value: it must not be saved either.
        byte[] WithGood(Action<XLWorkbook> change) => Edit(w =>
        {
            Cell(w, L.NarrativeSheet, sub, L.Problems).SetValue("저장되면 안 되는 값");
            change(w);
        });

        var (content, fileName, expected) = name switch
        {
            "numeric target, text actual" => (WithGood(w => Cell(w, L.IndicatorSheet, count, L.Actual).SetValue("많이 함")), "a.xlsx", $"성과지표|{countRow}|{L.Actual}|숫자로 입력하세요"),
            "negative count" => (WithGood(w => Cell(w, L.IndicatorSheet, count, L.Actual).SetValue(-5)), "a.xlsx", $"성과지표|{countRow}|{L.Actual}|0 이상"),
            "formula in actual" => (WithGood(w => Cell(w, L.IndicatorSheet, count, L.Actual).FormulaA1 = "1+1"), "a.xlsx", $"성과지표|{countRow}|{L.Actual}|수식은 받지 않습니다"),
            "text that looks like a formula" => (WithGood(w => Cell(w, L.IndicatorSheet, count, L.Actual).SetValue("=cmd|' /C calc'!A0")), "a.xlsx", $"성과지표|{countRow}|{L.Actual}|숫자로 입력하세요"),
            "TRUE in actual" => (WithGood(w => Cell(w, L.IndicatorSheet, count, L.Actual).SetValue(true)), "a.xlsx", $"성과지표|{countRow}|{L.Actual}|숫자로 입력하세요"),
            "judgement not in the list" => (WithGood(w => Cell(w, L.IndicatorSheet, count, L.JudgementCol).SetValue("완벽")), "a.xlsx", $"성과지표|{countRow}|{L.JudgementCol}|달성, 일부달성, 미달성"),
            "status not in the list" => (WithGood(w => Cell(w, L.MilestoneSheet, milestone, L.StateCol).SetValue("끝남")), "a.xlsx", $"추진상황|2|{L.StateCol}|완료, 추진중, 미추진"),
            "note too long" => (WithGood(w => Cell(w, L.MilestoneSheet, milestone, L.Note).SetValue(new string('가', 1001))), "a.xlsx", $"추진상황|2|{L.Note}|1000자 이내"),
            "executed not a number" => (WithGood(w => Cell(w, L.BudgetSheet, line, L.Executed).SetValue("십억")), "a.xlsx", $"예산집행|2|{L.Executed}|금액을 숫자로"),
            "executed negative" => (WithGood(w => Cell(w, L.BudgetSheet, line, L.Executed).SetValue(-1)), "a.xlsx", $"예산집행|2|{L.Executed}|0 이상"),
            "executed in another unit" => (WithGood(w => Cell(w, L.BudgetSheet, line, L.Executed).SetValue("10억원")), "a.xlsx", $"예산집행|2|{L.Executed}|금액을 숫자로"),
            "executed is a date" => (WithGood(w => Cell(w, L.BudgetSheet, line, L.Executed).SetValue(new DateTime(2018, 12, 31))), "a.xlsx", $"예산집행|2|{L.Executed}|금액을 숫자로"),
            "narrative too long" => (WithGood(w => Cell(w, L.NarrativeSheet, sub, L.Achievements).SetValue(new string('나', 4001))), "a.xlsx", $"추진실적|2|{L.Achievements}|4000자 이내"),
            "unknown key" => (WithGood(w => w.Worksheet(L.IndicatorSheet).Cell(w.Worksheet(L.IndicatorSheet).RowOf(count), 1).SetValue("i999999")), "a.xlsx", $"성과지표|{countRow}|{L.Key}|입력할 수 없는 행"),
            "another department's row" => (WithGood(w => w.Worksheet(L.IndicatorSheet).Cell(w.Worksheet(L.IndicatorSheet).RowOf(count), 1).SetValue(otherRow)), "a.xlsx", $"성과지표|{countRow}|{L.Key}|입력할 수 없는 행"),
            "duplicate row" => (WithGood(w =>
            {
                var sheet = w.Worksheet(L.IndicatorSheet);
                var last = sheet.LastRowUsed()!.RowNumber();
                sheet.Row(sheet.RowOf(count)).CopyTo(sheet.Row(last + 1));
            }), "a.xlsx", $"|{L.Key}|두 번 나옵니다"),
            "blank key with values" => (WithGood(w =>
            {
                var sheet = w.Worksheet(L.IndicatorSheet);
                sheet.Cell(sheet.LastRowUsed()!.RowNumber() + 1, sheet.ColumnOf(L.Actual)).SetValue(3);
            }), "a.xlsx", $"|{L.Key}|입력할 수 없는 행"),
            "missing sheet" => (WithGood(w => w.Worksheet(L.BudgetSheet).Delete()), "a.xlsx", "예산집행|-|-|'예산집행' 시트가 없습니다"),
            "renamed input column" => (WithGood(w => w.Worksheet(L.IndicatorSheet).Cell(1, w.Worksheet(L.IndicatorSheet).ColumnOf(L.Actual)).SetValue("실적값")), "a.xlsx", $"성과지표|1|{L.Actual}|열이 없습니다"),
            "another plan" => (WithGood(w => w.Worksheet(L.InfoSheet).Cell(1, 2).SetValue("999")), "a.xlsx", "안내|-|-|이 화면의 계획·연도"),
            "another year" => (WithGood(w => w.Worksheet(L.InfoSheet).Cell(3, 2).SetValue("2019")), "a.xlsx", "안내|-|-|이 화면의 계획·연도"),
            "not a workbook" => (Encoding.UTF8.GetBytes("실적,5\n"), "a.xlsx", "Excel 통합 문서(.xlsx)가 아닙니다"),
            "macro workbook name" => (downloaded, "a.xlsm", "매크로가 포함된"),
            "exe renamed xlsx" => ([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "setup.xlsx", "Excel 통합 문서(.xlsx)가 아닙니다"),
            "empty file" => ([], "a.xlsx", "올릴 통합 문서를 고르세요"),
            "too many zip entries" => (ManyEntries(), "a.xlsx", "항목이 너무 많습니다"),
            "too many rows" => (WithGood(w => w.Worksheet(L.IndicatorSheet).Cell(6000, 1).SetValue("i1")), "a.xlsx", "성과지표|-|-|행이 너무 많습니다"),

            // 4,000 rows × 51 columns of one number: over 8 MB of sheet XML in a file of about 1 MB.
            "sheet unpacking past 8 MB" => (WithGood(w => w.Worksheet(L.NarrativeSheet).Range(2, 30, 4001, 80).Value = 7), "a.xlsx", "'추진실적'의 압축을 푼 크기가 너무 큽니다(최대 8MB)"),

            // 2 × 2,000 rows × 51 columns: 204,000 cells (the default cap is 200,000), each sheet under 8 MB.
            "too many cells" => (WithGood(w =>
            {
                w.Worksheet(L.NarrativeSheet).Range(2, 30, 2001, 80).Value = 7;
                w.Worksheet(L.IndicatorSheet).Range(2, 30, 2001, 80).Value = 7;
            }), "a.xlsx", "통합 문서의 셀이 너무 많습니다(최대 200,000개)"),
            "legacy xls content" => ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "a.xlsx", "예전 형식(.xls)"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        var before = await SnapshotAsync();
        var (response, problems) = await officer.UploadResultsAsync(planId, Year, own, content, fileName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.DocumentAsync()).QuerySelector("#import-summary")!.TextContent;
        Assert.Contains("아무것도 저장하지 않았습니다", summary, StringComparison.Ordinal);
        var (location, message) = expected.LastIndexOf('|') is var bar and >= 0 ? (expected[..(bar + 1)], expected[(bar + 1)..]) : ("-|-|-|", expected);
        Assert.True(
            problems.Any(p => p.Contains(location, StringComparison.Ordinal) && p.Contains(message, StringComparison.Ordinal)),
            $"{name}: expected '{expected}' in\n{string.Join('\n', problems)}");
        Assert.Equal(before, await SnapshotAsync());
    }

    private static byte[] ManyEntries()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 250; i++)
            {
                zip.CreateEntry($"e{i}.xml");
            }
        }

        return buffer.ToArray();
    }

    [Theory]
    [InlineData("１２", "12")]
    [InlineData("1,200", "1200")]
    [InlineData("12개", "12")]
    [InlineData(" 7 ", "7")]
    [InlineData("12 (신규 3)", "12")]
    public async Task GoodActuals_AreRead_AsOnTheYearPage(string typed, string number)
    {
        var (planId, own, _, officer) = await ArrangeAsync();
        var count = await KeyAsync("1-1", "발굴단 구성");
        var content = ResultsWorkbookHttp.Change(await officer.DownloadResultsAsync(planId, Year, own), w => w.Worksheet(L.IndicatorSheet).CellOf(count, L.Actual).SetValue(typed));
        var (_, problems) = await officer.UploadResultsAsync(planId, Year, own, content);
        Assert.Empty(problems);
        Assert.Equal(decimal.Parse(number, CultureInfo.InvariantCulture), await factory.WithDbAsync(db => db.YearResults.Where(r => r.Year == Year && r.SubProject.Code == "1-1").SelectMany(r => r.Indicators).Select(i => i.ActualNumber).SingleAsync()));
    }
}
