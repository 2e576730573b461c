using ClosedXML.Excel;
using SocialEconomy.Web.Features.PlanRevisions;

namespace SocialEconomy.Web.Features.Committee;

/// <summary>The closed committee's result as .xlsx: items with aggregate and spread, then the comments; text cells never formulas.</summary>
public static class ExternalResultWorkbook
{
    public static byte[] Write(ExternalResultViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("외부평가 결과");
        sheet.Cell(1, 1).SetValue($"{model.PlanTitle} {model.Year}년 외부평가 결과");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Range(1, 1, 1, 8).Merge();
        sheet.Cell(2, 1).SetValue($"집계 방법: {model.Aggregation} · 제출 위원 {model.Members}명 · 마감 {model.ClosedAt}");
        string[] headers = ["분야", "평가지표", "배점(점)", "결과(점)", "최저(점)", "최고(점)", "편차(점)", "의견"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(3, c + 1).SetValue(headers[c]);
            sheet.Cell(3, c + 1).Style.Font.Bold = true;
        }

        var row = 4;
        foreach (var item in model.Items)
        {
            string[] values = [item.Area, item.Indicator, item.Max, item.Value, item.Min, item.MaxScore, item.Spread, string.Join("\n", item.Comments)];
            for (var c = 0; c < values.Length; c++)
            {
                RevisionWorkbook.Text(sheet.Cell(row, c + 1), values[c]);
            }

            row++;
        }

        RevisionWorkbook.Text(sheet.Cell(row, 2), "합계");
        RevisionWorkbook.Text(sheet.Cell(row, 3), model.MaxTotal);
        RevisionWorkbook.Text(sheet.Cell(row, 4), model.Total);
        RevisionWorkbook.Text(sheet.Cell(row, 5), model.TotalSpread);
        sheet.Range(3, 1, row, headers.Length).Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Range(3, 1, row, headers.Length).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sheet.Column(2).Width = 40;
        sheet.Column(8).Width = 60;
        sheet.SheetView.FreezeRows(3);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(3, 3);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
