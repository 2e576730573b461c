using ClosedXML.Excel;
using SocialEconomy.Web.Features.PlanRevisions;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// The layout every report worksheet shares: a merged title row (noting 초안 for a draft),
/// a bold shaded header, thin borders, frozen header rows, A4 landscape fit to width with
/// the header rows repeated on every printed page.
/// </summary>
public static class ReportSheet
{
    public static void Title(IXLWorksheet sheet, string title, bool isDraft, int lastColumn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var cell = sheet.Cell(1, 1);
        RevisionWorkbook.Text(cell, isDraft ? $"{title} (초안)" : title);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        sheet.Range(1, 1, 1, lastColumn).Merge();
    }

    /// <summary>The line under the title (office, date, scope); user text, so written as text.</summary>
    public static void Subtitle(IXLWorksheet sheet, string text, int lastColumn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        RevisionWorkbook.Text(sheet.Cell(2, 1), text);
        sheet.Range(2, 1, 2, lastColumn).Merge();
    }

    public static void Header(IXLRange header)
    {
        ArgumentNullException.ThrowIfNull(header);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EDF3");
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
    }

    /// <summary>Borders from the header to the last row, frozen header and the print setup.</summary>
    public static void Finish(IXLWorksheet sheet, int firstHeaderRow, int lastHeaderRow, int lastRow, int lastColumn)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var table = sheet.Range(firstHeaderRow, 1, Math.Max(lastRow, lastHeaderRow), lastColumn);
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        if (lastRow > lastHeaderRow)
        {
            sheet.Range(lastHeaderRow + 1, 1, lastRow, lastColumn).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        sheet.SheetView.FreezeRows(lastHeaderRow);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(firstHeaderRow, lastHeaderRow);
    }

    /// <summary>A number with its format, or the reason there is none as text.</summary>
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
            RevisionWorkbook.Text(cell, shown);
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
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
