using System.Globalization;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// One problem of an uploaded workbook, where it is (sheet, row, column letter) and what is
/// wrong, in Korean. Problems of the file itself have no sheet.
/// </summary>
public sealed record WorkbookProblem(string? Sheet, int? Row, string? Column, string Message)
{
    /// <summary>What both readers say of a formula cell: a value computed by the uploader's Excel is not trusted.</summary>
    public const string FormulaRefused = "수식은 받지 않습니다. 계산된 값을 직접 입력하세요.";

    public static WorkbookProblem OfFile(string message) => new(null, null, null, message);

    /// <summary>"성과지표 시트 12행 F열: 알 수 없는 단위 '달러'".</summary>
    public override string ToString()
    {
        if (Sheet is null)
        {
            return Message;
        }

        var where = Sheet + " 시트";
        if (Row is { } row)
        {
            where += " " + row.ToString(CultureInfo.InvariantCulture) + "행";
        }

        if (Column is not null)
        {
            where += " " + Column + "열";
        }

        return $"{where}: {Message}";
    }
}
