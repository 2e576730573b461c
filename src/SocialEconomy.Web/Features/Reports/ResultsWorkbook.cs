using ClosedXML.Excel;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 실적 및 자체평가 보고서 as .xlsx, one sheet per section of the printed report: the summary,
/// indicator results, milestone progress, budget execution, the narratives and the
/// self-evaluation scores. Rates, amounts and points are numbers; typed text stays text.
/// </summary>
public static class ResultsWorkbook
{
    public static byte[] Write(ResultsReportViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        Summary(workbook, model);
        Indicators(workbook, model);
        Milestones(workbook, model);
        Budget(workbook, model);
        Narratives(workbook, model);
        Self(workbook, model);
        return ReportSheets.Save(workbook);
    }

    private static string Title(ResultsReportViewModel model, string part) => $"{model.Year}년 실적 및 자체평가 보고서: {part}";

    private static void Summary(XLWorkbook workbook, ResultsReportViewModel model)
    {
        var sheet = workbook.AddWorksheet("요약");
        ReportSheets.Title(sheet, model.Header, Title(model, "세부사업별 요약"), 9, model.BudgetUnit);
        ReportSheets.Headers(sheet, 3, ["코드", "세부사업", "주관부서", "실적 상태", "달성률(%)", $"예산({model.BudgetUnit})", $"집행({model.BudgetUnit})", "집행률(%)", "자체평가(점)"]);
        var row = 4;
        foreach (var line in model.Summary)
        {
            WorkbookCells.Text(sheet.Cell(row, 1), line.Code);
            WorkbookCells.Text(sheet.Cell(row, 2), line.Name);
            WorkbookCells.Text(sheet.Cell(row, 3), line.Department);
            WorkbookCells.Text(sheet.Cell(row, 4), line.Status);
            Figures(sheet, row, line.Figures);
            ReportSheets.NumberOrText(sheet.Cell(row, 9), line.SelfTotal.Value, line.SelfTotal.Text, "0.##");
            row++;
        }

        WorkbookCells.Text(sheet.Cell(row, 1), "계획 전체(공개된 실적 기준, 자체평가는 평균)");
        sheet.Range(row, 1, row, 4).Merge();
        Figures(sheet, row, model.Plan);
        WorkbookCells.Text(sheet.Cell(row, 9), model.SelfMean);
        sheet.Range(row, 1, row, 9).Style.Font.Bold = true;
        sheet.Range(4, 2, row, 4).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 7, 36, 18, 14, 11, 12, 12, 11, 12);
        ReportSheets.Finish(sheet, 3, 3, row, 9);
    }

    private static void Figures(IXLWorksheet sheet, int row, ResultsFigures figures)
    {
        ReportSheets.NumberOrText(sheet.Cell(row, 5), figures.Achievement.Value, figures.Achievement.Text, ReportSheets.PercentFormat);
        ReportSheets.NumberOrText(sheet.Cell(row, 6), figures.Planned.Value, figures.Planned.Text, ReportSheets.AmountFormat);
        ReportSheets.NumberOrText(sheet.Cell(row, 7), figures.Executed.Value, figures.Executed.Text, ReportSheets.AmountFormat);
        ReportSheets.NumberOrText(sheet.Cell(row, 8), figures.Execution.Value, figures.Execution.Text, ReportSheets.PercentFormat);
    }

    private static void Indicators(XLWorkbook workbook, ResultsReportViewModel model)
    {
        var sheet = workbook.AddWorksheet("성과지표 실적");
        ReportSheets.Title(sheet, model.Header, Title(model, "성과지표 목표 대비 실적"), 7);
        ReportSheets.Headers(sheet, 3, ["세부사업", "세부추진내용", "성과지표", "단위", "목표", "실적", "달성률(%)"]);
        var row = 4;
        foreach (var sub in model.SubProjects)
        {
            foreach (var line in sub.Indicators)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), line.ActionItem);
                WorkbookCells.Text(sheet.Cell(row, 3), line.Indicator);
                WorkbookCells.Text(sheet.Cell(row, 4), line.Unit);
                WorkbookCells.Text(sheet.Cell(row, 5), line.Target);
                WorkbookCells.Text(sheet.Cell(row, 6), line.Actual);
                ReportSheets.NumberOrText(sheet.Cell(row, 7), line.Rate.Value, line.Rate.Text, ReportSheets.PercentFormat);
                row++;
            }
        }

        sheet.Range(4, 1, Math.Max(4, row - 1), 6).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 30, 28, 30, 8, 16, 16, 11);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 7);
    }

    private static void Milestones(XLWorkbook workbook, ResultsReportViewModel model)
    {
        var sheet = workbook.AddWorksheet("추진일정");
        ReportSheets.Title(sheet, model.Header, Title(model, "추진일정 추진상황"), 6);
        ReportSheets.Headers(sheet, 3, ["세부사업", "세부추진내용", "구분", "계획", "추진상황", "비고"]);
        var row = 4;
        foreach (var sub in model.SubProjects)
        {
            foreach (var line in sub.Milestones)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), line.ActionItem);
                WorkbookCells.Text(sheet.Cell(row, 3), line.Label);
                WorkbookCells.Text(sheet.Cell(row, 4), line.Plan);
                WorkbookCells.Text(sheet.Cell(row, 5), line.State);
                WorkbookCells.Text(sheet.Cell(row, 6), line.Note ?? "-");
                row++;
            }
        }

        sheet.Range(4, 1, Math.Max(4, row - 1), 6).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 30, 28, 12, 40, 10, 30);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 6);
    }

    private static void Budget(XLWorkbook workbook, ResultsReportViewModel model)
    {
        var sheet = workbook.AddWorksheet("예산 집행");
        ReportSheets.Title(sheet, model.Header, Title(model, "예산 집행"), 6);
        ReportSheets.Headers(sheet, 3, ["세부사업", "예산 항목", "단위", "예산", "집행", "집행률(%)"]);
        var row = 4;
        foreach (var sub in model.SubProjects)
        {
            foreach (var line in sub.Budget)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), line.Line);
                WorkbookCells.Text(sheet.Cell(row, 3), line.Unit);
                ReportSheets.NumberOrText(sheet.Cell(row, 4), line.Planned.Value, line.Planned.Text, ReportSheets.AmountFormat);
                ReportSheets.NumberOrText(sheet.Cell(row, 5), line.Executed.Value, line.Executed.Text, ReportSheets.AmountFormat);
                ReportSheets.NumberOrText(sheet.Cell(row, 6), line.Rate.Value, line.Rate.Text, ReportSheets.PercentFormat);
                row++;
            }
        }

        sheet.Range(4, 1, Math.Max(4, row - 1), 2).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 32, 34, 8, 14, 14, 11);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 6);
    }

    private static void Narratives(XLWorkbook workbook, ResultsReportViewModel model)
    {
        var sheet = workbook.AddWorksheet("추진실적 서술");
        ReportSheets.Title(sheet, model.Header, Title(model, "추진실적·문제점·개선방안"), 4);
        ReportSheets.Headers(sheet, 3, ["세부사업", "추진실적", "문제점", "개선방안"]);
        var row = 4;
        foreach (var sub in model.SubProjects)
        {
            WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
            if (sub.ResultsHidden)
            {
                WorkbookCells.Text(sheet.Cell(row, 2), "확정 전(비공개)");
                sheet.Range(row, 2, row, 4).Merge();
            }
            else
            {
                WorkbookCells.Text(sheet.Cell(row, 2), sub.Achievements ?? "-");
                WorkbookCells.Text(sheet.Cell(row, 3), sub.Problems ?? "-");
                WorkbookCells.Text(sheet.Cell(row, 4), sub.Improvements ?? "-");
            }

            row++;
        }

        sheet.Range(4, 1, Math.Max(4, row - 1), 4).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 28, 50, 40, 40);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 4);
    }

    private static void Self(XLWorkbook workbook, ResultsReportViewModel model)
    {
        var sheet = workbook.AddWorksheet("자체평가");
        ReportSheets.Title(sheet, model.Header, Title(model, $"자체평가 점수 (단계: {model.SelfStage}, 평균 {model.SelfMean} / {model.SelfMax})"), 6);
        ReportSheets.Headers(sheet, 3, ["세부사업", "분야", "평가항목", "배점(점)", "점수(점)", "의견"]);
        var row = 4;
        foreach (var sub in model.SubProjects.Where(s => s.Self is not null))
        {
            var self = sub.Self!;
            if (self.Hidden)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), "잠금 후 공개");
                sheet.Range(row, 2, row, 6).Merge();
                row++;
                continue;
            }

            foreach (var score in self.Scores)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), score.Area);
                WorkbookCells.Text(sheet.Cell(row, 3), score.Item);
                ReportSheets.NumberOrText(sheet.Cell(row, 4), score.Max.Value, score.Max.Text, "0.##");
                ReportSheets.NumberOrText(sheet.Cell(row, 5), score.Points.Value, score.Points.Text, "0.##");
                WorkbookCells.Text(sheet.Cell(row, 6), score.Comment ?? "-");
                row++;
            }

            WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
            WorkbookCells.Text(sheet.Cell(row, 3), "합계");
            ReportSheets.NumberOrText(sheet.Cell(row, 5), self.Total.Value, self.Total.Text, "0.##");
            WorkbookCells.Text(sheet.Cell(row, 6), self.Report is null ? "-" : $"자체평가 보고: {self.Report}");
            sheet.Range(row, 1, row, 6).Style.Font.Bold = true;
            row++;
        }

        sheet.Range(4, 1, Math.Max(4, row - 1), 6).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 30, 14, 36, 9, 9, 50);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 6);
    }
}
