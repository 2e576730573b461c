using ClosedXML.Excel;
using SocialEconomy.Web.Features.Reports;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Committee;

/// <summary>
/// The closed committee's result as .xlsx with the content of the printed report
/// (ExternalReport.cshtml), one sheet per section: the committee, the per-item results
/// (points as numbers), the self/committee comparison and the comments. Text cells are
/// never formulas.
/// </summary>
public static class ExternalResultWorkbook
{
    public const string CommitteeSheet = "위원회";
    public const string ItemsSheet = "지표별 결과";
    public const string GapsSheet = "자체·외부 비교";
    public const string CommentsSheet = "의견";
    private const string PointsFormat = "0.0#";
    private const string PercentFormat = "0.0";

    public static byte[] Write(ExternalReportViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        Committee(workbook.AddWorksheet(CommitteeSheet), model);
        Items(workbook.AddWorksheet(ItemsSheet), model);
        Gaps(workbook.AddWorksheet(GapsSheet), model);
        Comments(workbook.AddWorksheet(CommentsSheet), model);
        return ReportSheets.Save(workbook);
    }

    private static void Top(IXLWorksheet sheet, ExternalReportViewModel model, string section, int lastColumn)
    {
        ReportSheets.Title(sheet, $"{model.Header.PlanTitle} {model.Header.ReportName}: {section}", model.Header.IsDraft, lastColumn);
        ReportSheets.Subtitle(sheet, $"{model.Header.Office} · 작성일 {model.Header.Date}", lastColumn);
    }

    private static void Committee(IXLWorksheet sheet, ExternalReportViewModel model)
    {
        var r = model.Result;
        Top(sheet, model, "위원회", 2);
        ReportSheets.Headers(sheet, 3, ["항목", "내용"]);
        (string Label, Action<IXLCell> Write)[] facts =
        [
            ("평가 연도", c => c.SetValue(r.Year)),
            ("집계 방법", c => WorkbookCells.Text(c, r.Aggregation)),
            ("제출 위원(명)", c => c.SetValue(r.Members)),
            ("평가위원", c => WorkbookCells.Text(c, string.Join(", ", r.MemberNames))),
            ("위원회 마감", c => WorkbookCells.Text(c, r.ClosedAt ?? "-")),
            ("의견 공개", c => WorkbookCells.Text(c, r.Anonymous ? "익명" : "실명")),
            ("자체평가 비교 기준", c => WorkbookCells.Text(c, r.Threshold)),
        ];
        var row = 4;
        foreach (var (label, write) in facts)
        {
            sheet.Cell(row, 1).SetValue(label);
            write(sheet.Cell(row, 2));
            sheet.Cell(row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            sheet.Cell(row, 2).Style.Alignment.WrapText = true;
            row++;
        }

        sheet.Column(1).Width = 22;
        sheet.Column(2).Width = 80;
        ReportSheets.Finish(sheet, 3, 3, row - 1, 2);
    }

    private static void Items(IXLWorksheet sheet, ExternalReportViewModel model)
    {
        var r = model.Result;
        Top(sheet, model, "지표별 결과", 8);
        ReportSheets.Headers(sheet, 3, ["분야", "평가지표", "구분", "배점(점)", "결과(점)", "최저(점)", "최고(점)", "편차(점)"]);
        var row = 4;
        foreach (var item in r.Items)
        {
            WorkbookCells.Text(sheet.Cell(row, 1), item.Area);
            WorkbookCells.Text(sheet.Cell(row, 2), item.Indicator);
            sheet.Cell(row, 3).SetValue(item.IsBonus ? "가점" : "기본");
            Points(sheet.Row(row), item.MaxPoints, item.Score?.Value, item.Score?.Min, item.Score?.Max, item.Score?.Spread);
            row++;
        }

        // The total is the method applied to each member's total (docs/evaluations.md), not the column's sum.
        WorkbookCells.Text(sheet.Cell(row, 1), "합계(위원별 합계를 같은 방법으로 집계)");
        sheet.Range(row, 1, row, 2).Merge();
        sheet.Cell(row, 3).SetValue(r.BonusPoints > 0 ? $"가점 {r.BonusPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}점 별도" : "기본");
        Points(sheet.Row(row), r.BasePoints, r.TotalScore?.Value, r.TotalScore?.Min, r.TotalScore?.Max, r.TotalScore?.Spread);
        sheet.Range(row, 1, row, 8).Style.Font.Bold = true;
        sheet.Range(4, 1, row, 2).Style.Alignment.WrapText = true;
        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 48;
        sheet.Column(3).Width = 14;
        for (var c = 4; c <= 8; c++)
        {
            sheet.Column(c).Width = 10;
        }

        ReportSheets.Finish(sheet, 3, 3, row, 8);
    }

    private static void Points(IXLRow row, decimal max, decimal? value, decimal? min, decimal? highest, decimal? spread)
    {
        ReportSheets.NumberOrText(row.Cell(4), max, "-", PointsFormat);
        ReportSheets.NumberOrText(row.Cell(5), value, "-", PointsFormat);
        ReportSheets.NumberOrText(row.Cell(6), min, "-", PointsFormat);
        ReportSheets.NumberOrText(row.Cell(7), highest, "-", PointsFormat);
        ReportSheets.NumberOrText(row.Cell(8), spread, "-", PointsFormat);
    }

    private static void Gaps(IXLWorksheet sheet, ExternalReportViewModel model)
    {
        var r = model.Result;
        Top(sheet, model, $"자체평가(T/F)와 외부평가 비교 (배점 대비 득점률, 기준 {r.Threshold})", 5);
        ReportSheets.Headers(sheet, 3, ["비교 주제", "자체평가(%)", "외부평가(%)", "차이(%p)", "평가위원회 사유"]);
        var row = 4;
        foreach (var gap in r.Gaps)
        {
            WorkbookCells.Text(sheet.Cell(row, 1), gap.Topic);
            ReportSheets.NumberOrText(sheet.Cell(row, 2), gap.Numbers?.SelfPercent, gap.Self, PercentFormat);
            ReportSheets.NumberOrText(sheet.Cell(row, 3), gap.Numbers?.CommitteePercent, gap.Committee, PercentFormat);
            ReportSheets.NumberOrText(sheet.Cell(row, 4), gap.Numbers?.Gap, gap.Gap, PercentFormat);
            WorkbookCells.Text(sheet.Cell(row, 5), gap.Reason ?? (gap.NeedsReason ? "사유 미작성" : "-"));
            sheet.Cell(row, 5).Style.Alignment.WrapText = true;
            row++;
        }

        if (r.Gaps.Count == 0)
        {
            sheet.Cell(row, 1).SetValue("두 평가표에 함께 있는 비교 주제가 없습니다.");
            sheet.Range(row, 1, row, 5).Merge();
            row++;
        }

        sheet.Column(1).Width = 24;
        for (var c = 2; c <= 4; c++)
        {
            sheet.Column(c).Width = 13;
        }

        sheet.Column(5).Width = 60;
        ReportSheets.Finish(sheet, 3, 3, row - 1, 5);
    }

    private static void Comments(IXLWorksheet sheet, ExternalReportViewModel model)
    {
        var r = model.Result;
        Top(sheet, model, $"위원 의견({(r.Anonymous ? "익명" : "실명")})", 2);
        ReportSheets.Headers(sheet, 3, ["평가지표", r.Anonymous ? "의견" : "위원: 의견"]);
        var row = 4;
        foreach (var item in r.Items)
        {
            foreach (var comment in item.Comments)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), item.Indicator);
                WorkbookCells.Text(sheet.Cell(row, 2), comment);
                row++;
            }
        }

        if (row == 4)
        {
            sheet.Cell(row, 1).SetValue("의견이 없습니다.");
            sheet.Range(row, 1, row, 2).Merge();
            row++;
        }

        sheet.Range(4, 1, row - 1, 2).Style.Alignment.WrapText = true;
        sheet.Column(1).Width = 40;
        sheet.Column(2).Width = 80;
        ReportSheets.Finish(sheet, 3, 3, row - 1, 2);
    }
}
