using ClosedXML.Excel;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.UnitTests.Workbooks;

/// <summary>
/// The one formula-safe text writer every workbook uses (plan, results, revision table,
/// reports, committee), read back from the saved file as Excel would open it.
/// </summary>
public class WorkbookCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"클릭\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\n=1+1")]
    public void TextThatLooksLikeAFormula_IsSavedAsTextWithTheQuotePrefix(string text)
    {
        var cell = SavedAndReopened(text);

        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(text.Replace('\r', '\n'), cell.GetString()); // the file stores a lone CR as LF
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Theory]
    [InlineData("사회적경제 아카데미 운영")]
    [InlineData("1,200")]
    [InlineData("2020")]
    public void OtherText_IsSavedAsTextAsItIs(string text)
    {
        var cell = SavedAndReopened(text);

        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(text, cell.GetString());
        Assert.False(cell.Style.IncludeQuotePrefix);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NoText_LeavesTheCellEmpty(string? text) => Assert.True(SavedAndReopened(text).IsEmpty());

    private static IXLCell SavedAndReopened(string? text)
    {
        using var stream = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            WorkbookCells.Text(workbook.AddWorksheet("시트").Cell(2, 2), text);
            workbook.SaveAs(stream);
        }

        stream.Position = 0;
        var reopened = new XLWorkbook(stream);
        return reopened.Worksheet(1).Cell(2, 2);
    }
}
