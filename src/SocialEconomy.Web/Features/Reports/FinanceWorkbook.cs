using ClosedXML.Excel;
using SocialEconomy.Web.Features.Plans;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 재정계획 as .xlsx, laid out as the seed's table: merged 연도별 재정규모 header, the unit in
/// the header, thousands separators, frozen header rows, A4 landscape fit to width with the
/// header rows repeated. Names are written as text, never as formulas.
/// </summary>
public static class FinanceWorkbook
{
    public static byte[] Write(FinanceReportViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        AddSheet(workbook, model.Header, model.Finance);
        return ReportSheets.Save(workbook);
    }

    /// <summary>The 재정계획 sheet; the 기본계획 workbook adds the same sheet.</summary>
    public static void AddSheet(XLWorkbook workbook, ReportHeader header, FinancialPlanViewModel finance)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(finance);
        var plan = finance.Plan;
        var years = plan.Years.Years.ToList();
        var lastColumn = 3 + years.Count;
        var sheet = workbook.AddWorksheet("재정계획");
        ReportSheets.Title(sheet, header, $"{finance.PlanTitle} 재정계획", lastColumn, plan.Unit.Symbol);
        sheet.Cell(3, 1).SetValue("추진과제 · 세부사업");
        sheet.Cell(3, 2).SetValue("예산 항목");
        sheet.Cell(3, 3).SetValue($"합계({plan.Unit})");
        sheet.Cell(3, 4).SetValue($"연도별 재정규모({plan.Unit})");
        sheet.Range(3, 1, 4, 1).Merge();
        sheet.Range(3, 2, 4, 2).Merge();
        sheet.Range(3, 3, 4, 3).Merge();
        sheet.Range(3, 4, 3, lastColumn).Merge();
        for (var i = 0; i < years.Count; i++)
        {
            sheet.Cell(4, 4 + i).SetValue(years[i]);
        }

        var row = 5;
        void Figures(int r, Func<int, decimal> year, decimal total)
        {
            sheet.Cell(r, 3).SetValue(total);
            for (var i = 0; i < years.Count; i++)
            {
                sheet.Cell(r, 4 + i).SetValue(year(years[i]));
            }
        }

        WorkbookCells.Text(sheet.Cell(row, 1), "총액");
        sheet.Range(row, 1, row, 2).Merge();
        Figures(row, plan.Total.For, plan.Total.Total);
        sheet.Range(row, 1, row, lastColumn).Style.Font.Bold = true;
        row++;
        foreach (var task in plan.Tasks)
        {
            WorkbookCells.Text(sheet.Cell(row, 1), $"{task.Task.Number}. {task.Task.Name}");
            sheet.Range(row, 1, row, 2).Merge();
            Figures(row, task.Subtotal.For, task.Subtotal.Total);
            sheet.Range(row, 1, row, lastColumn).Style.Fill.BackgroundColor = XLColor.FromHtml("#F1F4F8");
            row++;
            foreach (var sub in task.SubProjects)
            {
                var first = row;
                foreach (var line in sub.Lines)
                {
                    WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.SubProject.Code} {sub.SubProject.Name}");
                    WorkbookCells.Text(sheet.Cell(row, 2), line.Line.Name);
                    if (line.Figures.IsNonBudget)
                    {
                        sheet.Cell(row, 3).SetValue("비예산");
                    }
                    else
                    {
                        Figures(row, line.Figures.For, line.Figures.Total);
                    }

                    row++;
                }

                WorkbookCells.Text(sheet.Cell(row, 2), "소계");
                Figures(row, sub.Subtotal.For, sub.Subtotal.Total);
                if (row > first)
                {
                    sheet.Range(first, 1, row, 1).Merge();
                }

                WorkbookCells.Text(sheet.Cell(first, 1), $"{sub.SubProject.Code} {sub.SubProject.Name}");
                row++;
            }
        }

        ReportSheets.Finish(sheet, 3, 4, row - 1, lastColumn);
        sheet.Range(5, 3, row - 1, lastColumn).Style.NumberFormat.Format = ReportSheets.AmountFormat;
        sheet.Range(5, 1, row - 1, 1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Range(5, 1, row - 1, 2).Style.Alignment.WrapText = true;
        if (finance.Note is { } note)
        {
            WorkbookCells.Text(sheet.Cell(row + 1, 1), $"비고: {note}");
            sheet.Range(row + 1, 1, row + 1, lastColumn).Merge();
            sheet.Cell(row + 1, 1).Style.Alignment.WrapText = true;
            sheet.Row(row + 1).Height = 45;
        }

        sheet.Column(1).Width = 36;
        sheet.Column(2).Width = 30;
        for (var c = 3; c <= lastColumn; c++)
        {
            sheet.Column(c).Width = 11;
        }
    }
}
