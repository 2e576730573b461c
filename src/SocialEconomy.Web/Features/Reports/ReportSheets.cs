using ClosedXML.Excel;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// The look every report workbook shares: a merged title row and a line with the office,
/// date and 초안 mark, bold shaded header rows, thin borders, frozen header rows and A4
/// print setup fitted to the page width with the header rows repeated.
/// </summary>
public static class ReportSheets
{
    public const string AmountFormat = "#,##0.###";

    public const string PercentFormat = "#,##0.0";

    /// <summary>Writes rows 1–2 (title; office, date, 초안 and the unit on the right).</summary>
    public static void Title(IXLWorksheet sheet, ReportHeader header, string title, int lastColumn, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(header);
        WorkbookCells.Text(sheet.Cell(1, 1), title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Range(1, 1, 1, lastColumn).Merge();
        WorkbookCells.Text(sheet.Cell(2, 1), $"{header.Office} · 작성일 {header.Date}{(header.IsDraft ? $" · 초안({header.DraftReason})" : string.Empty)}");
        if (unit is null)
        {
            sheet.Range(2, 1, 2, lastColumn).Merge();
            return;
        }

        sheet.Range(2, 1, 2, Math.Max(1, lastColumn - 1)).Merge();
        sheet.Cell(2, lastColumn).SetValue($"(단위: {unit})");
        sheet.Cell(2, lastColumn).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>A title row alone (noting 초안 for a draft), for reports whose second row says more than office and date.</summary>
    public static void Title(IXLWorksheet sheet, string title, bool isDraft, int lastColumn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var cell = sheet.Cell(1, 1);
        WorkbookCells.Text(cell, isDraft ? $"{title} (초안)" : title);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        sheet.Range(1, 1, 1, lastColumn).Merge();
    }

    /// <summary>The line under such a title (office, date, scope); written as text.</summary>
    public static void Subtitle(IXLWorksheet sheet, string text, int lastColumn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        WorkbookCells.Text(sheet.Cell(2, 1), text);
        sheet.Range(2, 1, 2, lastColumn).Merge();
    }

    /// <summary>A number with its format, or, when there is none, what the screen shows instead ("-", "비공개") as text.</summary>
    public static void NumberOrText(IXLCell cell, decimal? value, string shown, string format)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (value is { } number)
        {
            cell.SetValue(number);
            cell.Style.NumberFormat.Format = format;
        }
        else
        {
            WorkbookCells.Text(cell, shown);
        }

        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    /// <summary>Writes one header row of column names from <paramref name="column"/> on.</summary>
    public static void Headers(IXLWorksheet sheet, int row, IReadOnlyList<string> names, int column = 1)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(names);
        for (var i = 0; i < names.Count; i++)
        {
            sheet.Cell(row, column + i).SetValue(names[i]);
        }
    }

    /// <summary>Header style, borders, freezing and print setup, once the sheet's rows are written.</summary>
    public static void Finish(IXLWorksheet sheet, int headerFirstRow, int headerLastRow, int lastRow, int lastColumn, bool landscape = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var header = sheet.Range(headerFirstRow, 1, headerLastRow, lastColumn);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EDF3");
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        var table = sheet.Range(headerFirstRow, 1, Math.Max(lastRow, headerLastRow), lastColumn);
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        if (lastRow > headerLastRow)
        {
            sheet.Range(headerLastRow + 1, 1, lastRow, lastColumn).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        sheet.SheetView.FreezeRows(headerLastRow);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(headerFirstRow, headerLastRow);
    }

    /// <summary>Column widths in characters, from column 1 on.</summary>
    public static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(widths);
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
