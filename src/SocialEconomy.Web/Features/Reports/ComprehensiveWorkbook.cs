using ClosedXML.Excel;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 총괄평가 결과 보고서 as .xlsx, one sheet per section of the print view: the panel, every
/// sub-project's figures (rates as numbers under a merged 연도별 달성률(%) / 집행률(%) header)
/// with the verdict, and the directions for the next plan. User text is never a formula.
/// </summary>
public static class ComprehensiveWorkbook
{
    public const string PanelSheet = "총괄평가단";
    public const string VerdictSheet = "세부사업별 평가";
    public const string DirectionsSheet = "차기계획 방향";
    private const string RateFormat = "#,##0.0";

    public static byte[] Write(ComprehensiveReportViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        Panel(workbook.AddWorksheet(PanelSheet), model);
        Verdicts(workbook.AddWorksheet(VerdictSheet), model);
        Directions(workbook.AddWorksheet(DirectionsSheet), model);
        return ReportSheets.Save(workbook);
    }

    private static string Title(ComprehensiveReportViewModel model, string section) => $"{model.Header.PlanTitle} 총괄평가 결과 보고서: {section}";

    private static string Subtitle(ComprehensiveReportViewModel model) =>
        $"{model.Header.Office} · 작성일 {model.Header.Date} · 대상 {model.FirstYear}년 ~ {model.AfterYear}년 사업 · 상태 {model.State}";

    private static void Panel(IXLWorksheet sheet, ComprehensiveReportViewModel model)
    {
        ReportSheets.Title(sheet, Title(model, PanelSheet), model.Header.IsDraft, 2);
        ReportSheets.Subtitle(sheet, Subtitle(model), 2);
        sheet.Cell(3, 1).SetValue("번호");
        sheet.Cell(3, 2).SetValue("이름");
        var row = 4;
        foreach (var name in model.Panel)
        {
            sheet.Cell(row, 1).SetValue(row - 3);
            WorkbookCells.Text(sheet.Cell(row, 2), name);
            row++;
        }

        sheet.Column(1).Width = 8;
        sheet.Column(2).Width = 40;
        ReportSheets.Finish(sheet, 3, 3, row - 1, 2);
    }

    private static void Verdicts(IXLWorksheet sheet, ComprehensiveReportViewModel model)
    {
        var years = model.Years;
        var firstAchievement = 5;
        var firstExecution = firstAchievement + years.Count;
        var verdictColumn = firstExecution + years.Count;
        var lastColumn = verdictColumn + 2;
        ReportSheets.Title(sheet, Title(model, VerdictSheet), model.Header.IsDraft, lastColumn);
        ReportSheets.Subtitle(sheet, $"{Subtitle(model)} · 확정 실적 기준 (단위: %)", lastColumn);

        string[] fixedHeaders = ["추진과제", "코드", "세부사업", "주관부서"];
        for (var c = 0; c < fixedHeaders.Length; c++)
        {
            sheet.Cell(3, c + 1).SetValue(fixedHeaders[c]);
            sheet.Range(3, c + 1, 4, c + 1).Merge();
        }

        sheet.Cell(3, firstAchievement).SetValue("연도별 달성률(%)");
        sheet.Range(3, firstAchievement, 3, firstExecution - 1).Merge();
        sheet.Cell(3, firstExecution).SetValue("연도별 집행률(%)");
        sheet.Range(3, firstExecution, 3, verdictColumn - 1).Merge();
        for (var i = 0; i < years.Count; i++)
        {
            sheet.Cell(4, firstAchievement + i).SetValue($"{years[i]}년");
            sheet.Cell(4, firstExecution + i).SetValue($"{years[i]}년");
        }

        string[] verdictHeaders = ["권고", "당초 목표 달성 여부 판단", "권고 사유"];
        for (var c = 0; c < verdictHeaders.Length; c++)
        {
            sheet.Cell(3, verdictColumn + c).SetValue(verdictHeaders[c]);
            sheet.Range(3, verdictColumn + c, 4, verdictColumn + c).Merge();
        }

        var row = 5;
        foreach (var task in model.Tasks)
        {
            foreach (var sub in task.Rows)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{task.Number}. {task.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), sub.Code);
                WorkbookCells.Text(sheet.Cell(row, 3), sub.Name);
                WorkbookCells.Text(sheet.Cell(row, 4), sub.Department);
                for (var i = 0; i < sub.Years.Count; i++)
                {
                    var figure = sub.Years[i];
                    ReportSheets.NumberOrText(sheet.Cell(row, firstAchievement + i), figure.AchievementRate, figure.Achievement, RateFormat);
                    ReportSheets.NumberOrText(sheet.Cell(row, firstExecution + i), figure.ExecutionRate, figure.Execution, RateFormat);
                }

                WorkbookCells.Text(sheet.Cell(row, verdictColumn), sub.Recommendation ?? "미정");
                WorkbookCells.Text(sheet.Cell(row, verdictColumn + 1), sub.Assessment ?? "-");
                WorkbookCells.Text(sheet.Cell(row, verdictColumn + 2), sub.Reason ?? "-");
                row++;
            }
        }

        if (row > 5)
        {
            sheet.Range(5, 1, row - 1, lastColumn).Style.Alignment.WrapText = true;
        }

        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 7;
        sheet.Column(3).Width = 28;
        sheet.Column(4).Width = 16;
        for (var c = firstAchievement; c < verdictColumn; c++)
        {
            sheet.Column(c).Width = 10;
        }

        sheet.Column(verdictColumn).Width = 7;
        sheet.Column(verdictColumn + 1).Width = 36;
        sheet.Column(verdictColumn + 2).Width = 36;
        ReportSheets.Finish(sheet, 3, 4, row - 1, lastColumn);
    }

    private static void Directions(IXLWorksheet sheet, ComprehensiveReportViewModel model)
    {
        ReportSheets.Title(sheet, Title(model, "차기 기본계획 방향"), model.Header.IsDraft, 2);
        ReportSheets.Subtitle(sheet, Subtitle(model), 2);
        sheet.Cell(3, 1).SetValue("번호");
        sheet.Cell(3, 2).SetValue("차기 기본계획 방향");
        var lines = model.Directions?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? ["아직 작성하지 않았습니다."];
        var row = 4;
        foreach (var line in lines)
        {
            sheet.Cell(row, 1).SetValue(row - 3);
            WorkbookCells.Text(sheet.Cell(row, 2), line);
            sheet.Cell(row, 2).Style.Alignment.WrapText = true;
            row++;
        }

        sheet.Column(1).Width = 8;
        sheet.Column(2).Width = 120;
        ReportSheets.Finish(sheet, 3, 3, row - 1, 2);
    }
}
