using ClosedXML.Excel;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanRevisions;

/// <summary>The 신구대비표 as .xlsx: A4 landscape, a frozen header, text cells never formulas.</summary>
public static class RevisionWorkbook
{
    private static readonly string[] Headers = ["세부사업", "항목", "연도", "현행(변경 전)", "변경(변경 후)", "변경 사유", "변경자", "변경 일시"];
    private static readonly double[] Widths = [34, 30, 9, 22, 22, 40, 14, 18];

    public static byte[] Write(RevisionTableViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("신구대비표");
        WorkbookCells.Text(sheet.Cell(1, 1), $"{model.PlanTitle} 신구대비표");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Range(1, 1, 1, Headers.Length).Merge();
        for (var c = 0; c < Headers.Length; c++)
        {
            var cell = sheet.Cell(2, c + 1);
            cell.SetValue(Headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#EEF2F7");
            sheet.Column(c + 1).Width = Widths[c];
        }

        var row = 3;
        foreach (var r in model.Rows)
        {
            string[] values = [r.SubProject, r.Item, r.Year, r.Old, r.New, r.Reason, r.ChangedBy, r.ChangedAt];
            for (var c = 0; c < values.Length; c++)
            {
                WorkbookCells.Text(sheet.Cell(row, c + 1), values[c]);
            }

            row++;
        }

        var table = sheet.Range(2, 1, Math.Max(2, row - 1), Headers.Length);
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(2);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(2, 2);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
