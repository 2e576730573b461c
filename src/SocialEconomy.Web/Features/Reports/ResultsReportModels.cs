namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 실적 및 자체평가 보고서 of one year. Figures come with their formatted text (screen, PDF)
/// and their value (the workbook's numeric cells). Hidden marks what the reader may not see:
/// another department's unconfirmed results, or a self-evaluation before it is locked.
/// </summary>
public sealed record ResultsReportViewModel(
    ReportHeader Header,
    int PlanId,
    int Year,
    string BudgetUnit,
    IReadOnlyList<ResultsSummaryRow> Summary,
    ResultsFigures Plan,
    string SelfMean,
    string SelfMax,
    string SelfStage,
    string? ReviewNote,
    IReadOnlyList<ResultsSubProject> SubProjects);

/// <summary>A rate or amount as text and as a value (null when there is none).</summary>
public sealed record Figure(string Text, decimal? Value);

public sealed record ResultsFigures(Figure Achievement, Figure Planned, Figure Executed, Figure Execution);

public sealed record ResultsSummaryRow(string Code, string Name, string Department, string Status, bool ResultsHidden, ResultsFigures Figures, Figure SelfTotal);

public sealed record ResultIndicatorLine(string ActionItem, string Indicator, string Unit, string Target, string Actual, Figure Rate);

public sealed record ResultMilestoneLine(string ActionItem, string Label, string Plan, string State, string? Note);

public sealed record ResultBudgetLine(string Line, string Unit, Figure Planned, Figure Executed, Figure Rate);

public sealed record SelfScoreLine(string Area, string Item, Figure Max, Figure Points, string? Comment);

public sealed record SelfSection(bool Hidden, string? Report, IReadOnlyList<SelfScoreLine> Scores, Figure Total, string Max);

public sealed record ResultsSubProject(
    string Code,
    string Name,
    string Department,
    string Status,
    bool ResultsHidden,
    IReadOnlyList<ResultIndicatorLine> Indicators,
    IReadOnlyList<ResultMilestoneLine> Milestones,
    IReadOnlyList<ResultBudgetLine> Budget,
    ResultsFigures Figures,
    string? Achievements,
    string? Problems,
    string? Improvements,
    SelfSection? Self);
