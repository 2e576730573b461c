using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.ResultsWorkbook;

/// <summary>
/// The department results workbook (docs/results-workbook.md): an 안내 sheet naming the plan,
/// year and department, and one sheet each for indicators, milestone rows, budget lines and
/// narratives. Every data row carries its key (열 "키"), so a row is matched to exactly one
/// part of the plan whatever the user does to the order; the filled-in columns are locked.
/// </summary>
public static class ResultsWorkbookLayout
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string InfoSheet = "안내";
    public const string IndicatorSheet = "성과지표";
    public const string MilestoneSheet = "추진상황";
    public const string BudgetSheet = "예산집행";
    public const string NarrativeSheet = "추진실적";

    public static IReadOnlyList<string> DataSheets { get; } = [IndicatorSheet, MilestoneSheet, BudgetSheet, NarrativeSheet];

    public const string PlanIdKey = "계획 번호";
    public const string YearKey = "연도";
    public const string DepartmentKey = "부서";

    public const string Key = "키";
    public const string Code = "세부사업 코드";
    public const string SubProjectCol = "세부사업";
    public const string ActionItemCol = "단위사업";
    public const string IndicatorCol = "성과지표";
    public const string UnitCol = "단위";
    public const string DirectionCol = "방향";
    public const string TargetCol = "목표";
    public const string Actual = "실적 (단위 열의 단위)";
    public const string JudgementCol = "달성 여부 (문구 목표)";
    public const string MilestoneLabel = "구분";
    public const string PlanCol = "계획";
    public const string StateCol = "추진 상황";
    public const string Note = "비고";
    public const string BudgetLineCol = "예산 항목";
    public const string Planned = "계획액 (단위 열의 단위)";
    public const string Executed = "집행액 (단위 열의 단위)";
    public const string Achievements = "추진실적";
    public const string Problems = "문제점";
    public const string Improvements = "개선방안";
    public const string StatusCol = "상태";

    /// <summary>Hidden: the sub-project's results version at download, to refuse a stale upload.</summary>
    public const string VersionCol = "버전";

    public static IReadOnlyList<string> IndicatorColumns { get; } = [Key, Code, SubProjectCol, ActionItemCol, IndicatorCol, UnitCol, DirectionCol, TargetCol, Actual, JudgementCol];

    public static IReadOnlyList<string> MilestoneColumns { get; } = [Key, Code, SubProjectCol, ActionItemCol, MilestoneLabel, PlanCol, StateCol, Note];

    public static IReadOnlyList<string> BudgetColumns { get; } = [Key, Code, SubProjectCol, BudgetLineCol, UnitCol, Planned, Executed];

    public static IReadOnlyList<string> NarrativeColumns { get; } = [Key, Code, SubProjectCol, StatusCol, Achievements, Problems, Improvements, VersionCol];

    /// <summary>The columns a department fills in; every other column is locked.</summary>
    public static IReadOnlySet<string> InputColumns { get; } = new HashSet<string>(StringComparer.Ordinal) { Actual, JudgementCol, StateCol, Note, Executed, Achievements, Problems, Improvements };

    public static IReadOnlyList<Judgement> Judgements { get; } = [Domain.Results.Judgement.Achieved, Domain.Results.Judgement.PartlyAchieved, Domain.Results.Judgement.NotAchieved];

    public static IReadOnlyList<MilestoneState> States { get; } = [MilestoneState.Done, MilestoneState.InProgress, MilestoneState.NotStarted];

    public static bool TryParseJudgement(string? text, out Judgement? judgement)
    {
        var value = Normalize(text);
        judgement = Judgements.Where(j => Formats.Judgement(j) == value).Select(j => (Judgement?)j).FirstOrDefault();
        return value.Length == 0 || judgement is not null;
    }

    public static bool TryParseState(string? text, out MilestoneState? state)
    {
        var value = Normalize(text);
        state = States.Where(s => Formats.State(s) == value).Select(s => (MilestoneState?)s).FirstOrDefault();
        return value.Length == 0 || state is not null;
    }

    public static string Normalize(string? text) => Domain.Planning.TargetValue.Normalize(text);

    public static string FileName(string planTitle, int year, string? department) =>
        $"{year}년 실적 - {(department ?? "전체")} - {planTitle}.xlsx".Replace('/', '_').Replace('\\', '_');
}
