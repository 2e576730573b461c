using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>
/// Bad workbooks, table-driven: each starts as a good export of the seeded plan, has one thing
/// broken with ClosedXML, and must be refused whole with exactly the expected Korean problems,
/// each at its sheet, row and column (ASVS v5.0.0-5.2.3; docs/plan-workbook.md "Problems").
/// </summary>
public class PlanWorkbookBadWorkbookTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Info = "기본정보";
    private const string Structure = "추진체계";
    private const string Indicators = "성과지표";
    private const string Milestones = "연도별 추진계획";
    private const string Budget = "재정계획";

    /// <summary>Each case breaks the workbook and returns the problems the page must list, in order.</summary>
    private static readonly Dictionary<string, Func<XLWorkbook, string[]>> Breakages = new(StringComparer.Ordinal)
    {
        ["성과지표 단위가 목록에 없음"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "단위").SetValue("달러");
            return [At(Indicators, row, "E", "알 수 없는 단위 '달러'")];
        },
        ["성과지표 연도 열이 계획기간 밖"] = wb =>
        {
            wb.Worksheet(Indicators).Cell("L1").SetValue("2021년");
            return
            [
                At(Indicators, 1, "L", "2021년 열은 계획기간(2017년~2020년) 밖의 연도입니다."),
                "성과지표 시트 1행: 계획기간의 '2020년' 열이 없습니다.",
            ];
        },
        ["자치단체가 가져오는 기관과 다름"] = wb =>
        {
            // The plan would be 성북구's whatever the cell says; another name is a wrong file or a wrong account.
            wb.Worksheet(Info).Cell("B5").SetValue("예시군");
            return [At(Info, 5, "B", "자치단체 '예시군'은(는) 가져오는 기관(서울특별시 성북구)과 다릅니다. '성북구' 또는 '서울특별시 성북구'(으)로 적거나, 이 계획을 가져올 기관의 계정으로 올리세요.")];
        },
        ["주관부서를 협조부서로도 적음"] = wb =>
        {
            var (sheet, row) = SubProjectRow(wb, "1-1");
            sheet.CellAt(row, "협조부서").SetValue("마을사회적경제과");
            return [At(Structure, row, "G", "마을사회적경제과은(는) 이미 주관부서입니다.")];
        },
        ["세부사업 코드 중복"] = wb =>
        {
            var (sheet, row) = SubProjectRow(wb, "1-1");
            var copy = sheet.AppendCopyOf(row);
            return [At(Structure, copy, "C", "세부사업 코드 '1-1'이(가) 이 계획에 이미 있습니다.")];
        },
        ["세부사업 코드에 빗금"] = wb =>
        {
            var (sheet, row) = SubProjectRow(wb, "1-1");
            var copy = sheet.AppendCopyOf(row);
            sheet.CellAt(copy, "세부사업 코드").SetValue("1/9");
            return [At(Structure, copy, "C", "세부사업 코드에는 빗금(/, \\)을 쓸 수 없습니다. 주소를 나누는 문자입니다. 예: 1-1")];
        },
        ["세부사업 코드가 전각이라 같은 코드"] = wb =>
        {
            var (sheet, row) = SubProjectRow(wb, "1-1");
            var copy = sheet.AppendCopyOf(row);
            sheet.CellAt(copy, "세부사업 코드").SetValue("１-１");
            return [At(Structure, copy, "C", "세부사업 코드 '1-1'이(가) 이 계획에 이미 있습니다.")];
        },
        ["예산 금액 자리에 글자"] = wb =>
        {
            wb.Worksheet(Budget).Cell("F2").SetValue("일천");
            return [At(Budget, 2, "F", "금액 '일천'은(는) 숫자가 아닙니다. 1,000처럼 숫자만 적으세요.")];
        },
        ["시작연도 자리에 글자"] = wb =>
        {
            wb.Worksheet(Info).Cell("B7").SetValue("이천십칠");
            return [At(Info, 7, "B", "시작연도 '이천십칠'은(는) 연도가 아닙니다. 2020처럼 네 자리 숫자로 적으세요.")];
        },
        ["세부사업 시작연도 자리에 글자"] = wb =>
        {
            var (sheet, row) = SubProjectRow(wb, "1-1");
            sheet.CellAt(row, "시작연도").SetValue("2017년도");
            return [At(Structure, row, "H", "시작연도 '2017년도'은(는) 연도가 아닙니다. 2020처럼 네 자리 숫자로 적으세요.")];
        },
        ["종료연도가 시작연도보다 앞섬"] = wb =>
        {
            wb.Worksheet(Info).Cell("B8").SetValue(2016);
            return [At(Info, 8, "B", "종료연도(2016년)가 시작연도(2017년)보다 앞설 수 없습니다.")];
        },
        ["시트 없음"] = wb =>
        {
            wb.Worksheet(Milestones).Delete();
            return ["연도별 추진계획 시트: '연도별 추진계획' 시트가 없습니다. 내려받은 양식의 시트 이름을 바꾸지 마세요."];
        },
        ["필수 열 없음"] = wb =>
        {
            wb.Worksheet(Indicators).Column(4).Delete();
            return ["성과지표 시트 1행: 필수 열 '지표명'이(가) 없습니다."];
        },
        ["필수 칸 비움"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "지표명").Clear();
            return [At(Indicators, row, "D", "지표명을(를) 입력하세요.")];
        },
        ["계획명 비움"] = wb =>
        {
            wb.Worksheet(Info).Cell("B2").Clear();
            return [At(Info, 2, "B", "계획명을(를) 입력하세요.")];
        },
        ["과제번호 자리에 글자"] = wb =>
        {
            var sheet = wb.Worksheet(Structure);
            sheet.Cell("B2").SetValue("일");
            return
            [
                At(Structure, 2, "B", "과제번호 '일'은(는) 숫자가 아닙니다. 1처럼 숫자로 적으세요."),
                .. new[] { "1-1", "1-2", "1-3" }.Select(code => At(Structure, SubProjectRow(wb, code).Row, "B", "추진과제 1이(가) 없습니다. 추진과제 행에 과제번호 1을(를) 적으세요.")),
            ];
        },
        ["알 수 없는 지표 유형"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "유형").SetValue("개수");
            return [At(Indicators, row, "F", "알 수 없는 유형 '개수'. 수량, 금액, 비율, 정성 중 하나를 적으세요.")];
        },
        ["알 수 없는 계 산정방식"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "계 산정방식").SetValue("누계");
            return [At(Indicators, row, "G", "알 수 없는 계 산정방식 '누계'. 합계, 평균, 최종연도, 직접 입력, 없음 중 하나를 적으세요.")];
        },
        ["단위와 지표 유형이 맞지 않음"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "유형").SetValue("금액");
            return [At(Indicators, row, "F", "지표 '발굴단 구성'의 단위 개은(는) 지표 유형과 맞지 않습니다.")];
        },
        ["음수 목표"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "2017년").SetValue("-3");
            return [At(Indicators, row, "I", "2017년 목표는 0 이상이어야 합니다.")];
        },
        ["목표 연도가 단위사업 기간 밖"] = wb =>
        {
            var structure = wb.Worksheet(Structure);
            var item = structure.RowWhere(("구분", "단위사업"), ("명칭", "소셜미션 발굴단 구성 및 운영"));
            structure.CellAt(item, "시작연도").SetValue(2018);
            var sheet = wb.Worksheet(Indicators);
            return
            [
                At(Indicators, sheet.RowWhere(("지표명", "발굴단 구성")), "I", "2017년은 기간(2018년~2020년) 밖의 연도입니다."),
                At(Indicators, sheet.RowWhere(("단위사업", "소셜미션 발굴단 구성 및 운영"), ("지표명", "사업비")), "I", "2017년은 기간(2018년~2020년) 밖의 연도입니다."),
            ];
        },
        ["예산 단위가 금액 단위가 아님"] = wb =>
        {
            wb.Worksheet(Budget).Cell("D2").SetValue("명");
            return [At(Budget, 2, "D", "예산 단위는 금액 단위여야 합니다: 명")];
        },
        ["예산 단위가 목록에 없음"] = wb =>
        {
            wb.Worksheet(Budget).Cell("D2").SetValue("달러");
            return [At(Budget, 2, "D", "알 수 없는 단위 '달러'")];
        },
        ["비예산 항목에 금액"] = wb =>
        {
            var sheet = wb.Worksheet(Budget);
            var row = sheet.RowWhere(("예산 항목", "혁신 프로젝트 발굴"));
            sheet.CellAt(row, "2017년").SetValue(100);
            return [At(Budget, row, "F", "'혁신 프로젝트 발굴'은(는) 비예산 항목이라 금액을 입력할 수 없습니다.")];
        },
        ["비예산 칸에 다른 말"] = wb =>
        {
            wb.Worksheet(Budget).Cell("E2").SetValue("아마도");
            return [At(Budget, 2, "E", "비예산 칸에는 '예'를 적거나 비워 두세요: '아마도'")];
        },
        ["음수 예산"] = wb =>
        {
            wb.Worksheet(Budget).Cell("F2").SetValue(-5);
            return [At(Budget, 2, "F", "2017년 예산은 0 이상이어야 합니다.")];
        },
        ["알 수 없는 세부사업 코드"] = wb =>
        {
            wb.Worksheet(Indicators).Cell("A2").SetValue("9-9");
            return [At(Indicators, 2, "A", "알 수 없는 세부사업 코드 '9-9'. 추진체계 시트에 이 코드의 세부사업 행이 있어야 합니다.")];
        },
        ["알 수 없는 단위사업"] = wb =>
        {
            var sheet = wb.Worksheet(Milestones);
            var code = sheet.Cell("A2").GetString();
            sheet.Cell("B2").SetValue("없는 단위사업");
            return [At(Milestones, 2, "B", $"세부사업 '{code}'에 단위사업 '없는 단위사업'이(가) 없습니다. 추진체계 시트의 단위사업명과 똑같이 적으세요.")];
        },
        ["수식"] = wb =>
        {
            wb.Worksheet(Budget).Cell("F2").FormulaA1 = "SUM(4,6)";
            return [At(Budget, 2, "F", "수식은 받지 않습니다. 계산된 값을 직접 입력하세요.")];
        },
        ["알 수 없는 구분"] = wb =>
        {
            var sheet = wb.Worksheet(Structure);
            var row = sheet.RowWhere(("구분", "단위사업"), ("명칭", "자원의 디지털아카이브 구현"));
            sheet.CellAt(row, "구분").SetValue("사업");
            return [At(Structure, row, "A", "알 수 없는 구분 '사업'. 추진과제, 세부사업, 단위사업 중 하나를 적으세요.")];
        },
        ["세부사업 기간이 계획기간 밖"] = wb =>
        {
            var (sheet, row) = SubProjectRow(wb, "1-1");
            sheet.CellAt(row, "종료연도").SetValue(2021);
            return [At(Structure, row, "I", "세부사업 기간(2017년~2021년)은 계획기간(2017년~2020년) 안이어야 합니다.")];
        },
        ["단위사업 기간이 세부사업 기간 밖"] = wb =>
        {
            var sheet = wb.Worksheet(Structure);
            var row = sheet.RowWhere(("구분", "단위사업"), ("명칭", "자원의 디지털아카이브 구현"));
            sheet.CellAt(row, "시작연도").SetValue(2016);
            return [At(Structure, row, "H", "단위사업 기간(2016년~2020년)은 세부사업 기간(2017년~2020년) 안이어야 합니다.")];
        },
        ["단위사업 종료연도만 적음"] = wb =>
        {
            var sheet = wb.Worksheet(Structure);
            var row = sheet.RowWhere(("구분", "단위사업"), ("명칭", "자원의 디지털아카이브 구현"));
            sheet.CellAt(row, "시작연도").Clear();
            return [At(Structure, row, "H", "시작연도와 종료연도는 함께 적거나 함께 비워 두세요.")];
        },
        ["기본정보에 알 수 없는 항목"] = wb =>
        {
            var sheet = wb.Worksheet(Info);
            var row = sheet.LastRowUsed()!.RowNumber() + 1;
            sheet.Cell(row, 1).SetValue("담당자");
            sheet.Cell(row, 2).SetValue("홍길동");
            return [At(Info, row, "A", "알 수 없는 항목 '담당자'.")];
        },
        ["기본정보에 필수 항목 없음"] = wb =>
        {
            wb.Worksheet(Info).Row(9).Delete();
            return ["기본정보 시트 A열: '비전' 항목이 없습니다."];
        },
        ["같은 세부사업에 같은 이름의 단위사업"] = wb =>
        {
            var sheet = wb.Worksheet(Structure);
            var row = sheet.RowWhere(("구분", "단위사업"), ("명칭", "소셜미션 발굴단 구성 및 운영"));
            var copy = sheet.AppendCopyOf(row);
            return [At(Structure, copy, "D", $"세부사업 '1-1'에 같은 이름의 단위사업 '소셜미션 발굴단 구성 및 운영'이(가) 이미 있습니다({row}행).")];
        },
        ["너무 긴 지표명"] = wb =>
        {
            var sheet = wb.Worksheet(Indicators);
            var row = sheet.RowWhere(("지표명", "발굴단 구성"));
            sheet.CellAt(row, "지표명").SetValue(new string('가', 201));
            return [At(Indicators, row, "D", "지표명은(는) 200자 이내로 입력하세요(지금 201자).")];
        },
        ["재정계획 단위가 금액 단위가 아님"] = wb =>
        {
            wb.Worksheet(Info).Cell("B12").SetValue("명");
            return [At(Info, 12, "B", "재정계획의 단위는 금액 단위(천원, 백만원, 억원)여야 합니다.")];
        },
        ["추진과제 행에 주관부서"] = wb =>
        {
            wb.Worksheet(Structure).Cell("F2").SetValue("마을사회적경제과");
            return [At(Structure, 2, "F", "추진과제 행에는 '주관부서'을(를) 적지 않습니다.")];
        },
        ["같은 연도 열이 두 번"] = wb =>
        {
            wb.Worksheet(Budget).Cell("H1").SetValue("2020년");
            return [At(Budget, 1, "I", "2020년 열이 두 번 있습니다."), "재정계획 시트 1행: 계획기간의 '2019년' 열이 없습니다."];
        },
        ["알 수 없는 열 제목"] = wb =>
        {
            wb.Worksheet(Milestones).Cell("H1").SetValue("비고");
            wb.Worksheet(Milestones).Cell("H2").SetValue("메모");
            return [At(Milestones, 1, "H", "알 수 없는 열 제목 '비고'. 연도 열은 '2020년'처럼 적으세요.")];
        },
        ["세 시트의 문제를 한 번에"] = wb =>
        {
            var (structure, subRow) = SubProjectRow(wb, "2-1");
            structure.CellAt(subRow, "시작연도").SetValue("내년");
            var indicators = wb.Worksheet(Indicators);
            var row = indicators.RowWhere(("지표명", "협동조합설립"));
            indicators.CellAt(row, "단위").SetValue("달러");
            wb.Worksheet(Budget).Cell("G3").SetValue("오백");
            return
            [
                At(Structure, subRow, "H", "시작연도 '내년'은(는) 연도가 아닙니다. 2020처럼 네 자리 숫자로 적으세요."),
                At(Indicators, row, "E", "알 수 없는 단위 '달러'"),
                At(Budget, 3, "G", "금액 '오백'은(는) 숫자가 아닙니다. 1,000처럼 숫자만 적으세요."),
            ];
        },
        ["아무것도 고치지 않고 같은 계획명으로"] = _ =>
            ["기본정보 시트 2행 B열: 같은 자치단체·시작연도에 계획명이 '성북구 사회적경제 기본계획'인 계획이 이미 있습니다. 새 계획명을 입력하세요."],
    };

    // The seed's export is the same in every test database; one download serves every case.
    private static byte[]? _export;

    public static TheoryData<string> Cases => new(Breakages.Keys);

    [Fact]
    public void Cases_AreAtLeastTwentyFive() => Assert.True(Breakages.Count >= 25, $"{Breakages.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_BadWorkbook_IsRefusedWhole_WithEveryProblemAtItsCell(string name)
    {
        var client = await factory.ClientForAsync(Roles.Coordinator);
        using var workbook = WorkbookHttp.Open(await ExportAsync(client));
        var expected = Breakages[name](workbook);
        var before = await CountsAsync();

        using var response = await client.PostImportAsync(workbook.ToBytes(), "계획.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.ProblemsAsync());
        Assert.Equal(before, await CountsAsync());
        var document = await response.DocumentAsync();
        Assert.Contains($"문제 {expected.Length}건", document.QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FullWidthDigitsThousandsSeparatorsAndATotalColumn_AreUnderstood()
    {
        var client = await factory.ClientForAsync(Roles.Coordinator);
        using var workbook = WorkbookHttp.Open(await ExportAsync(client));
        var info = workbook.Worksheet(Info);
        info.Cell("B7").SetValue("２０１７");
        info.Cell("B8").SetValue("2020년");
        var budget = workbook.Worksheet(Budget);
        var row = budget.RowWhere(("예산 항목", "사회적기업 육성·지원"));
        budget.CellAt(row, "2017년").SetValue("５００");
        budget.CellAt(row, "2018년").SetValue("1,200");
        budget.CellAt(row, "2019년").SetValue("１，３００백만원");
        budget.Cell("F1").SetValue("２０１７년");
        var indicators = workbook.Worksheet(Indicators);
        indicators.Cell(1, 13).SetValue("계");
        indicators.Cell(2, 13).SetValue("18");
        var target = indicators.RowWhere(("지표명", "발굴단 구성"));
        indicators.CellAt(target, "2018년").SetValue("１，０００");
        var structure = workbook.Worksheet(Structure);
        structure.Cell("B2").SetValue("１");

        using var response = await client.PostImportAsync(workbook.ToBytes(), newTitle: "전각 숫자 시험");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("\n", await response.ProblemsAsync()));
        var id = int.Parse(response.Headers.Location!.OriginalString["/plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var amounts = await factory.WithDbAsync(db => db.BudgetLines.Where(l => l.SubProject.Task.PlanId == id && l.Name == "사회적기업 육성·지원")
            .SelectMany(l => l.Amounts).OrderBy(a => a.Year).Select(a => a.Amount).ToListAsync());
        Assert.Equal([500m, 1200m, 1300m, 900m], amounts);
        var thousand = await factory.WithDbAsync(db => db.Indicators.Where(i => i.ActionItem.SubProject.Task.PlanId == id && i.Name == "발굴단 구성")
            .SelectMany(i => i.Targets).Where(t => t.Year == 2018).Select(t => t.Number).SingleAsync());
        Assert.Equal(1000m, thousand);
    }

    [Fact]
    public async Task Import_WorkbookWithoutAStylesPart_GivesAProblemRowNotAnError()
    {
        // A package made by hand or by another tool, without xl/styles.xml: ClosedXML loads its
        // number cells as blanks and GetDouble throws FormatException (which was a 500).
        var bare = SheetCensusTests.Package(
            Info,
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>항목</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>내용</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>시작연도</t></is></c><c r=\"B2\"><v>2017</v></c></row>");
        var before = await CountsAsync();

        using var response = await (await factory.ClientForAsync(Roles.Coordinator)).PostImportAsync(bare, "계획.xlsx", newTitle: "서식 없는 계획");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Web.Features.PlanWorkbook.WorkbookGuard.NoStyles], await response.ProblemsAsync());
        Assert.Equal(before, await CountsAsync());
    }

    private static string At(string sheet, int row, string column, string message) =>
        $"{sheet} 시트 {row.ToString(System.Globalization.CultureInfo.InvariantCulture)}행 {column}열: {message}";

    private static (IXLWorksheet Sheet, int Row) SubProjectRow(XLWorkbook workbook, string code)
    {
        var sheet = workbook.Worksheet(Structure);
        return (sheet, sheet.RowWhere(("구분", "세부사업"), ("세부사업 코드", code)));
    }

    private async Task<byte[]> ExportAsync(HttpClient client)
    {
        if (_export is null)
        {
            var id = await factory.WithDbAsync(db => db.Plans.Where(p => p.Title == "성북구 사회적경제 기본계획").Select(p => p.Id).SingleAsync());
            _export = await client.DownloadAsync($"/plans/{id}/workbook");
        }

        return _export;
    }

    private Task<(int Plans, int SubProjects, int Indicators, int BudgetLines)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Plans.CountAsync(), await db.SubProjects.CountAsync(), await db.Indicators.CountAsync(), await db.BudgetLines.CountAsync()));
}
