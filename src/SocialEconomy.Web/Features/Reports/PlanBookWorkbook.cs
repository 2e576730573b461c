using ClosedXML.Excel;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.Plans;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// The 기본계획 as .xlsx, one sheet per part of the printed book: vision and goals, the task
/// and sub-project table, every indicator by year, every milestone by year, and the 재정계획.
/// Numeric targets are numbers (with the unit in their own column), text stays text.
/// </summary>
public static class PlanBookWorkbook
{
    public static byte[] Write(PlanBookViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        Vision(workbook, model);
        Structure(workbook, model);
        Indicators(workbook, model);
        Milestones(workbook, model);
        FinanceWorkbook.AddSheet(workbook, model.Header, model.Book.Finance);
        return ReportSheets.Save(workbook);
    }

    private static void Vision(XLWorkbook workbook, PlanBookViewModel model)
    {
        var overview = model.Book.Overview;
        var sheet = workbook.AddWorksheet("비전 및 목표");
        ReportSheets.Title(sheet, model.Header, $"{overview.Title} 비전 및 목표", 2);
        ReportSheets.Headers(sheet, 3, ["구분", "내용"]);
        var row = 4;
        void Line(string label, string text)
        {
            WorkbookCells.Text(sheet.Cell(row, 1), label);
            WorkbookCells.Text(sheet.Cell(row, 2), text);
            row++;
        }

        Line("계획기간", overview.Period);
        Line("비전", overview.Vision);
        for (var i = 0; i < overview.Goals.Count; i++)
        {
            Line($"목표 {i + 1}", overview.Goals[i]);
        }

        foreach (var task in overview.Tasks)
        {
            Line($"추진과제 {task.Number}", task.Name);
        }

        if (overview.LegalBasis.Count > 0)
        {
            Line("수립근거", string.Join('\n', overview.LegalBasis));
        }

        if (overview.Purpose is not null)
        {
            Line("수립목적", overview.Purpose);
        }

        sheet.Range(4, 2, row - 1, 2).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 16, 90);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 2, landscape: false);
    }

    private static void Structure(XLWorkbook workbook, PlanBookViewModel model)
    {
        var overview = model.Book.Overview;
        var sheet = workbook.AddWorksheet("추진과제 및 세부사업");
        ReportSheets.Title(sheet, model.Header, $"{overview.Title} 추진과제 및 세부사업", 6);
        ReportSheets.Headers(sheet, 3, ["추진과제", "코드", "세부사업", "주관부서", "단위사업(개)", "성과지표(개)"]);
        var row = 4;
        foreach (var task in overview.Tasks)
        {
            var first = row;
            foreach (var sub in task.SubProjects)
            {
                WorkbookCells.Text(sheet.Cell(row, 2), sub.Code);
                WorkbookCells.Text(sheet.Cell(row, 3), sub.Name);
                WorkbookCells.Text(sheet.Cell(row, 4), sub.LeadDepartment);
                sheet.Cell(row, 5).SetValue(sub.ActionItemCount);
                sheet.Cell(row, 6).SetValue(sub.IndicatorCount);
                row++;
            }

            WorkbookCells.Text(sheet.Cell(first, 1), $"{task.Number}. {task.Name}");
            if (row - 1 > first)
            {
                sheet.Range(first, 1, row - 1, 1).Merge();
            }
        }

        sheet.Range(4, 1, row - 1, 4).Style.Alignment.WrapText = true;
        sheet.Range(4, 5, row - 1, 6).Style.NumberFormat.Format = "#,##0";
        ReportSheets.Widths(sheet, 34, 7, 40, 18, 12, 12);
        ReportSheets.Finish(sheet, 3, 3, row - 1, 6);
    }

    private static void Indicators(XLWorkbook workbook, PlanBookViewModel model)
    {
        var plan = model.Book.Plan;
        var years = plan.Period.Years.ToList();
        var lastColumn = 6 + years.Count;
        var sheet = workbook.AddWorksheet("성과지표");
        ReportSheets.Title(sheet, model.Header, $"{plan.Title} 연도별 성과지표", lastColumn);
        string[] fixedHeaders = ["세부사업", "세부추진내용", "구분", "성과지표", "단위", "계"];
        ReportSheets.Headers(sheet, 3, fixedHeaders);
        for (var c = 1; c <= fixedHeaders.Length; c++)
        {
            sheet.Range(3, c, 4, c).Merge();
        }

        sheet.Cell(3, 7).SetValue("연도별 목표(단위는 행마다)");
        sheet.Range(3, 7, 3, lastColumn).Merge();
        for (var i = 0; i < years.Count; i++)
        {
            sheet.Cell(4, 7 + i).SetValue(Formats.Year(years[i]));
        }

        var row = 5;
        foreach (var sub in plan.SubProjects)
        {
            foreach (var item in sub.ActionItems)
            {
                foreach (var indicator in item.Indicators)
                {
                    WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                    WorkbookCells.Text(sheet.Cell(row, 2), item.Name);
                    WorkbookCells.Text(sheet.Cell(row, 3), indicator.Group ?? string.Empty);
                    WorkbookCells.Text(sheet.Cell(row, 4), indicator.Name);
                    WorkbookCells.Text(sheet.Cell(row, 5), indicator.Unit.Symbol);
                    Target(sheet.Cell(row, 6), indicator.Total());
                    for (var i = 0; i < years.Count; i++)
                    {
                        Target(sheet.Cell(row, 7 + i), indicator.TargetFor(years[i]));
                    }

                    row++;
                }
            }
        }

        sheet.Range(5, 1, row - 1, 4).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 30, 30, 14, 34, 8, 10);
        for (var c = 7; c <= lastColumn; c++)
        {
            sheet.Column(c).Width = 12;
        }

        ReportSheets.Finish(sheet, 3, 4, row - 1, lastColumn);
    }

    private static void Milestones(XLWorkbook workbook, PlanBookViewModel model)
    {
        var plan = model.Book.Plan;
        var years = plan.Period.Years.ToList();
        var lastColumn = 3 + years.Count;
        var sheet = workbook.AddWorksheet("추진일정");
        ReportSheets.Title(sheet, model.Header, $"{plan.Title} 연도별 추진계획", lastColumn);
        ReportSheets.Headers(sheet, 3, ["세부사업", "세부추진내용", "구분", .. years.Select(Formats.Year)]);
        var row = 4;
        foreach (var sub in plan.SubProjects)
        {
            foreach (var item in sub.ActionItems)
            {
                foreach (var milestone in item.Milestones)
                {
                    WorkbookCells.Text(sheet.Cell(row, 1), $"{sub.Code} {sub.Name}");
                    WorkbookCells.Text(sheet.Cell(row, 2), item.Name);
                    WorkbookCells.Text(sheet.Cell(row, 3), milestone.Label ?? "추진내용");
                    for (var i = 0; i < years.Count; i++)
                    {
                        WorkbookCells.Text(sheet.Cell(row, 4 + i), milestone.TextFor(years[i]) ?? "-");
                    }

                    row++;
                }
            }
        }

        sheet.Range(4, 1, row - 1, lastColumn).Style.Alignment.WrapText = true;
        ReportSheets.Widths(sheet, 28, 28, 12);
        for (var c = 4; c <= lastColumn; c++)
        {
            sheet.Column(c).Width = 24;
        }

        ReportSheets.Finish(sheet, 3, 3, row - 1, lastColumn);
    }

    /// <summary>A number as a number (thousands separators); text, or a number with a note, as text.</summary>
    private static void Target(IXLCell cell, TargetValue value)
    {
        if (value.IsEmpty)
        {
            cell.SetValue("-");
        }
        else if (value is { Number: { } number, Text: null or "" })
        {
            cell.SetValue(number);
            cell.Style.NumberFormat.Format = ReportSheets.AmountFormat;
        }
        else
        {
            WorkbookCells.Text(cell, value.Format(Formats.Korean));
        }

        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
