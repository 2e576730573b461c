using ClosedXML.Excel;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 연차별 시행계획 as .xlsx: the year's targets, milestones and budget, one sheet each, with
/// every revision of that year beside its row, as the printed report shows them.
/// </summary>
public static class ImplementationWorkbook
{
    public static byte[] Write(ImplementationReportViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        var subProjects = model.Tasks.SelectMany(t => t.SubProjects).ToList();
        Indicators(workbook, model, subProjects);
        Milestones(workbook, model, subProjects);
        Budget(workbook, model, subProjects);
        return ReportSheets.Save(workbook);
    }

    private static void Indicators(XLWorkbook workbook, ImplementationReportViewModel model, List<YearSubProject> subProjects)
    {
        var sheet = workbook.AddWorksheet("성과지표");
        ReportSheets.Title(sheet, model.Header, $"{model.Year}년 연차별 시행계획: 성과지표 목표", 6);
        ReportSheets.Headers(sheet, 3, ["세부사업", "세부추진내용", "성과지표", "단위", $"{model.Year}년 목표", "변경(당초 → 변경, 사유)"]);
        var row = 4;
        foreach (var sub in subProjects)
        {
            foreach (var indicator in sub.Indicators)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), indicator.ActionItem);
                WorkbookCells.Text(sheet.Cell(row, 3), indicator.Indicator);
                WorkbookCells.Text(sheet.Cell(row, 4), indicator.Unit);
                if (indicator.Number is { } number)
                {
                    sheet.Cell(row, 5).SetValue(number);
                    sheet.Cell(row, 5).Style.NumberFormat.Format = ReportSheets.AmountFormat;
                }
                else
                {
                    WorkbookCells.Text(sheet.Cell(row, 5), indicator.Target);
                }

                WorkbookCells.Text(sheet.Cell(row, 6), indicator.Revision ?? "-");
                row++;
            }
        }

        sheet.Range(4, 1, row - 1, 6).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 30, 30, 34, 8, 16, 40);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 6);
    }

    private static void Milestones(XLWorkbook workbook, ImplementationReportViewModel model, List<YearSubProject> subProjects)
    {
        var sheet = workbook.AddWorksheet("추진일정");
        ReportSheets.Title(sheet, model.Header, $"{model.Year}년 연차별 시행계획: 추진일정", 5);
        ReportSheets.Headers(sheet, 3, ["세부사업", "세부추진내용", "구분", $"{model.Year}년 추진내용", "변경(당초 → 변경, 사유)"]);
        var row = 4;
        foreach (var sub in subProjects)
        {
            foreach (var milestone in sub.Milestones)
            {
                WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                WorkbookCells.Text(sheet.Cell(row, 2), milestone.ActionItem);
                WorkbookCells.Text(sheet.Cell(row, 3), milestone.Label);
                WorkbookCells.Text(sheet.Cell(row, 4), milestone.Text);
                WorkbookCells.Text(sheet.Cell(row, 5), milestone.Revision ?? "-");
                row++;
            }
        }

        sheet.Range(4, 1, row - 1, 5).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 30, 30, 12, 50, 40);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 5);
    }

    private static void Budget(XLWorkbook workbook, ImplementationReportViewModel model, List<YearSubProject> subProjects)
    {
        var sheet = workbook.AddWorksheet("예산");
        ReportSheets.Title(sheet, model.Header, $"{model.Year}년 연차별 시행계획: 예산", 4, model.BudgetUnit);
        ReportSheets.Headers(sheet, 3, ["세부사업", "예산 항목", $"금액({model.BudgetUnit})", "변경(당초 → 변경, 사유)"]);
        var row = 4;
        WorkbookCells.Text(sheet.Cell(row, 1), "합계");
        sheet.Range(row, 1, row, 2).Merge();
        sheet.Cell(row, 3).SetValue(model.TotalValue);
        sheet.Range(row, 1, row, 4).Style.Font.Bold = true;
        row++;
        foreach (var sub in subProjects.Where(s => s.Budget.Count > 0))
        {
            var first = row;
            foreach (var line in sub.Budget)
            {
                WorkbookCells.Text(sheet.Cell(row, 2), line.Line);
                if (line.Value is { } value)
                {
                    sheet.Cell(row, 3).SetValue(value);
                }
                else
                {
                    sheet.Cell(row, 3).SetValue(line.Amount);
                }

                WorkbookCells.Text(sheet.Cell(row, 4), line.Revision ?? "-");
                row++;
            }

            WorkbookCells.Text(sheet.Cell(row, 2), "소계");
            sheet.Cell(row, 3).SetValue(sub.BudgetValue);
            sheet.Range(row, 2, row, 4).Style.Fill.BackgroundColor = XLColor.FromHtml("#F1F4F8");
            WorkbookCells.Text(sheet.Cell(first, 1), $"{sub.Code} {sub.Name}");
            sheet.Range(first, 1, row, 1).Merge();
            row++;
        }

        sheet.Range(4, 3, row - 1, 3).Style.NumberFormat.Format = ReportSheets.AmountFormat;
        sheet.Range(4, 1, row - 1, 4).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 34, 36, 14, 40);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 4, landscape: false);
    }
}
