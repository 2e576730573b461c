using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Evaluation;

namespace SocialEconomy.Web.Features.SelfEvaluations;

public sealed class ScoreInputModel
{
    [Display(Name = "점수")]
    public string? Points { get; set; }

    [Display(Name = "의견")]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    [Display(Name = "조정 사유")]
    public string? Reason { get; set; }

    public ScoreInput ToInput() => new(Points, Comment, Reason);
}

/// <summary>The T/F's scores as typed, keyed by item id (Scores[12].Points), with the version the page showed.</summary>
public sealed class SelfScoresEditModel
{
    public Dictionary<int, ScoreInputModel> Scores { get; set; } = [];

    public Guid? Version { get; set; }
}

public sealed record IndicatorLine(string Indicator, string Unit, string Target, string Actual, string Rate);

public sealed record FollowUpLine(int Id, string Source, int Year, string Finding, string Department, string Due, string State, string? Outcome);

public sealed record ScoreLine(EvaluationItem Item, decimal? Points, string? Comment, decimal? Proposed, string? Reason, string? Problem, ScoreInputModel Typed);

public sealed record SelfPageViewModel(
    int CycleId,
    int PlanId,
    int Year,
    string PlanTitle,
    string Code,
    string Name,
    string Department,
    string Stage,
    bool CanWriteReport,
    bool CanScore,
    string ResultStatus,
    bool ResultsConfirmed,
    string Achievement,
    string Execution,
    string BudgetUnit,
    IReadOnlyList<IndicatorLine> Indicators,
    string? Achievements,
    string? Problems,
    string? Improvements,
    string? Report,
    string? ReportBy,
    IReadOnlyList<ScoreLine> Scores,
    string Total,
    string MaxTotal,
    string? ScoredBy,
    IReadOnlyList<FollowUpLine> FollowUps,
    Guid? Version);

public sealed record SelfListRow(string Code, string Name, string Department, string ResultStatus, string Achievement, bool HasReport, string Total, bool Scored, bool Readable);

public sealed record SelfListViewModel(int CycleId, int PlanId, int Year, string PlanTitle, string Stage, SelfStage StageValue, IReadOnlyList<SelfListRow> Rows, string PlanMean, string MaxTotal, string? ReviewNote, IReadOnlyList<string> Unscored);
