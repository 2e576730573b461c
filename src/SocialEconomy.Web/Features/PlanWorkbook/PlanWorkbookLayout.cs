using System.Globalization;
using System.Text.RegularExpressions;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// The plan workbook's layout, shared by the writer and the reader so that what is exported
/// is exactly what is imported (docs/plan-workbook.md describes it for officials).
/// </summary>
public static partial class PlanWorkbookLayout
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string InfoSheet = "기본정보";
    public const string StructureSheet = "추진체계";
    public const string IndicatorSheet = "성과지표";
    public const string MilestoneSheet = "연도별 추진계획";
    public const string BudgetSheet = "재정계획";

    public static IReadOnlyList<string> Sheets { get; } = [InfoSheet, StructureSheet, IndicatorSheet, MilestoneSheet, BudgetSheet];

    // 기본정보: one row per field ("항목" | "내용"); 목표 repeats, one row per goal.
    public const string KeyHeader = "항목";
    public const string ValueHeader = "내용";
    public const string Title = "계획명";
    public const string Subtitle = "부제";
    public const string Slogan = "슬로건";
    public const string District = "자치단체";
    public const string OwningDepartment = "주무부서";
    public const string FirstYear = "시작연도";
    public const string LastYear = "종료연도";
    public const string Vision = "비전";
    public const string Purpose = "추진목적";
    public const string LegalBasis = "수립근거";
    public const string BudgetUnit = "재정계획 단위";
    public const string FinancialPlanNote = "재정계획 비고";
    public const string Goal = "목표";

    public static IReadOnlyList<string> InfoKeys { get; } =
        [Title, Subtitle, Slogan, District, OwningDepartment, FirstYear, LastYear, Vision, Purpose, LegalBasis, BudgetUnit, FinancialPlanNote, Goal];

    public static IReadOnlyList<string> RequiredInfoKeys { get; } = [Title, District, OwningDepartment, FirstYear, LastYear, Vision, BudgetUnit];

    // 추진체계: one row per task, sub-project and action item; 구분 says which.
    public const string RowKind = "구분";
    public const string TaskNumber = "과제번호";
    public const string Code = "세부사업 코드";
    public const string Name = "명칭";
    public const string ShortName = "약칭";
    public const string LeadDepartment = "주관부서";
    public const string SharingDepartments = "협조부서";
    public const string StartYear = "시작연도";
    public const string EndYear = "종료연도";
    public const string Directions = "추진방향";
    public const string Overview = "개요";
    public const string Details = "사업내용";
    public const string TableCaption = "표 단위";

    public const string TaskRow = "추진과제";
    public const string SubProjectRow = "세부사업";
    public const string ActionItemRow = "단위사업";

    public static IReadOnlyList<string> StructureColumns { get; } =
        [RowKind, TaskNumber, Code, Name, ShortName, LeadDepartment, SharingDepartments, StartYear, EndYear, Directions, Overview, Details, TableCaption];

    // The other three sheets: fixed columns, then one column per plan year ("2020년").
    public const string ActionItemHeader = "단위사업";
    public const string Group = "구분";
    public const string IndicatorName = "지표명";
    public const string UnitHeader = "단위";
    public const string Kind = "유형";
    public const string TotalRuleHeader = "계 산정방식";
    public const string TotalText = "계 문구";
    public const string MilestoneLabel = "구분";
    public const string BudgetLineName = "예산 항목";
    public const string NonBudget = "비예산";

    public static IReadOnlyList<string> IndicatorColumns { get; } = [Code, ActionItemHeader, Group, IndicatorName, UnitHeader, Kind, TotalRuleHeader, TotalText];

    public static IReadOnlyList<string> MilestoneColumns { get; } = [Code, ActionItemHeader, MilestoneLabel];

    public static IReadOnlyList<string> BudgetColumns { get; } = [Code, ActionItemHeader, BudgetLineName, UnitHeader, NonBudget];

    /// <summary>Written in the 비예산 column of a 비예산 line; the reader also takes a few synonyms.</summary>
    public const string Yes = "예";

    /// <summary>A 계 column may be kept for the reader's own checking; it is computed, so it is ignored.</summary>
    public static IReadOnlySet<string> IgnoredColumns { get; } = new HashSet<string>(StringComparer.Ordinal) { "계", "합계" };

    /// <summary>The longest text each field takes, as the domain enforces it.</summary>
    public static class MaxLength
    {
        public const int Title = BasicPlan.TitleMaxLength;
        public const int Subtitle = 200;
        public const int Slogan = 200;
        public const int District = 100;
        public const int Vision = 500;
        public const int Purpose = 4000;
        public const int LegalBasis = 4000;
        public const int FinancialPlanNote = 2000;
        public const int Goal = 500;
        public const int TaskName = 200;
        public const int TaskShortName = 100;
        public const int Code = Domain.Planning.SubProjectCode.MaxLength;
        public const int SubProjectName = 200;
        public const int Directions = 4000;
        public const int Overview = 4000;
        public const int ActionItemName = 200;
        public const int Summary = 4000;
        public const int Details = 8000;
        public const int TableCaption = 50;
        public const int Group = 200;
        public const int IndicatorName = 200;
        public const int TotalText = TargetValue.TextMaxLength;
        public const int MilestoneLabel = 200;
        public const int BudgetLineName = 200;
    }

    public static string YearHeader(int year) => year.ToString(CultureInfo.InvariantCulture) + "년";

    public static string KindLabel(IndicatorKind kind) => Shared.Formats.Kind(kind);

    public static string TotalRuleLabel(TotalRule rule) => rule switch
    {
        Domain.Planning.TotalRule.Sum => "합계",
        Domain.Planning.TotalRule.Average => "평균",
        Domain.Planning.TotalRule.LastYear => "최종연도",
        Domain.Planning.TotalRule.Given => "직접 입력",
        Domain.Planning.TotalRule.None => "없음",
        _ => rule.ToString(),
    };

    public static IReadOnlyList<string> KindLabels { get; } = Enum.GetValues<IndicatorKind>().Select(KindLabel).ToList();

    public static IReadOnlyList<string> TotalRuleLabels { get; } = Enum.GetValues<TotalRule>().Select(TotalRuleLabel).ToList();

    /// <summary>The workbook's label, the screen's label (Formats) or the enum name.</summary>
    public static bool TryParseKind(string? text, out IndicatorKind kind) =>
        TryParseLabel(text, KindLabel, Shared.Formats.Kind, out kind);

    public static bool TryParseTotalRule(string? text, out TotalRule rule) =>
        TryParseLabel(text, TotalRuleLabel, Shared.Formats.TotalRule, out rule);

    public static bool TryParseNonBudget(string? text, out bool isNonBudget)
    {
        var value = Compact(text);
        isNonBudget = value is Yes or "Y" or "YES" or "O" or "○" or "V" or "✓" or "TRUE" or "1" or "비예산";
        return isNonBudget || value is "" or "아니오" or "아니요" or "N" or "NO" or "X" or "FALSE" or "0" or "-";
    }

    /// <summary>Full-width digits and separators (２０２０, １，０００) read as ASCII; spaces collapse.</summary>
    public static string Normalize(string? text) => TargetValue.Normalize(text);

    /// <summary>
    /// A cell as text: numbers in invariant notation (a typed 1200 and "1,200" read alike), dates
    /// as yyyy-MM-dd. A value ClosedXML cannot convert to its own type (an ISO date cell, a number
    /// cell without a styles part) is given as stored, for the reader's rules to judge, instead
    /// of the FormatException that GetDouble/GetDateTime throw.
    /// </summary>
    public static string CellText(ClosedXML.Excel.IXLCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        switch (cell.DataType)
        {
            case ClosedXML.Excel.XLDataType.Number when cell.TryGetValue(out double number):
                return number is > -7.9e28 and < 7.9e28
                    ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture);
            case ClosedXML.Excel.XLDataType.Boolean when cell.TryGetValue(out bool flag):
                return flag ? "TRUE" : "FALSE";
            case ClosedXML.Excel.XLDataType.DateTime when cell.TryGetValue(out DateTime date):
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case ClosedXML.Excel.XLDataType.TimeSpan when cell.TryGetValue(out TimeSpan span):
                return span.ToString("c", CultureInfo.InvariantCulture);
            default:
                return cell.GetString();
        }
    }

    /// <summary>A year as typed: 2020, "2020년", "２０２０".</summary>
    public static bool TryParseYear(string? text, out int year)
    {
        var value = Normalize(text);
        if (value.EndsWith('년'))
        {
            value = value[..^1].TrimEnd();
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out year) && value.Length == 4;
    }

    /// <summary>A whole number as typed, e.g. a task number.</summary>
    public static bool TryParseWholeNumber(string? text, out int number)
    {
        var value = Normalize(text).Replace(",", string.Empty, StringComparison.Ordinal);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>
    /// An amount as typed: "1,645", "１，６４５", "0.5"; the line's own unit may follow ("1,645백만원").
    /// The same rules as a yearly target (TargetValue.Parse), but nothing else may stand beside the number.
    /// </summary>
    public static bool TryParseAmount(string? text, Unit unit, out decimal amount)
    {
        amount = 0m;
        var value = Normalize(text);
        if (!AmountPattern().IsMatch(value))
        {
            return false;
        }

        var parsed = TargetValue.Parse(value, unit);
        if (parsed is { Number: { } number, Text: null })
        {
            amount = number;
            return true;
        }

        return false;
    }

    /// <summary>Lines of a multi-line cell, as TextLines stores them: trimmed, blanks dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public static string JoinLines(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>Department names in a 협조부서 cell: separated by commas or line breaks.</summary>
    public static IReadOnlyList<string> DepartmentNames(string? text) =>
        (text ?? string.Empty).Split([',', '，', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    private static string Compact(string? text) => Normalize(text).ToUpperInvariant();

    private static bool TryParseLabel<TEnum>(string? text, Func<TEnum, string> workbookLabel, Func<TEnum, string> screenLabel, out TEnum value)
        where TEnum : struct, Enum
    {
        var wanted = Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(wanted, workbookLabel(candidate).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
                || string.Equals(wanted, screenLabel(candidate).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
                || string.Equals(wanted, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    // A number, optionally followed by a unit word; no note in brackets, no second number.
    [GeneratedRegex(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*[^\s\d(),.]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AmountPattern();
}
