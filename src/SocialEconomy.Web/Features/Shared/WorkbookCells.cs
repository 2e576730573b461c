using ClosedXML.Excel;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// The one way any workbook the portal writes (plan, results, revision table, reports,
/// committee) puts text into a cell, so that no user text becomes a formula in Excel
/// (ASVS v5.0.0-1.2.10; formula or DDE injection).
/// </summary>
public static class WorkbookCells
{
    /// <summary>Whether a text would start a formula (or a DDE payload) if Excel evaluated it.</summary>
    public static bool LooksLikeFormula(string value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>
    /// A text cell; null or empty leaves the cell empty. ClosedXML 0.95's SetValue&lt;string&gt;
    /// stores a string and never parses it as a formula; a text that looks like one also gets
    /// Excel's (invisible) quote prefix, so that editing the cell in Excel keeps it text.
    /// </summary>
    public static void Text(IXLCell cell, string? value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        cell.SetValue<string>(value);
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(value))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
