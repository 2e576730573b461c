using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Features.PlanStructure;

namespace SocialEconomy.Web.Features.Evaluations;

public sealed class StartCycleEditModel
{
    [Required(ErrorMessage = "기본계획을 고르세요.")]
    public int? PlanId { get; set; }

    [Required(ErrorMessage = "평가 연도를 입력하세요.")]
    [Range(YearRange.MinYear, YearRange.MaxYear, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    public int? Year { get; set; }
}

public sealed class CalendarEditModel
{
    [Required(ErrorMessage = "평가계획 수립일을 입력하세요.")]
    public DateOnly? PlanBy { get; set; }

    [Required(ErrorMessage = "자체평가 기한을 입력하세요.")]
    public DateOnly? SelfReportsBy { get; set; }

    [Required(ErrorMessage = "평가위원회 구성 기한을 입력하세요.")]
    public DateOnly? CommitteeBy { get; set; }

    [Required(ErrorMessage = "외부평가 기한을 입력하세요.")]
    public DateOnly? ExternalBy { get; set; }

    public Guid Version { get; set; }
}

public sealed class CommitteeRulesEditModel
{
    public Aggregation Aggregation { get; set; }

    public bool AnonymousComments { get; set; }

    [Required(ErrorMessage = "점수 차이 기준을 입력하세요.")]
    [Range(0, 100, ErrorMessage = "점수 차이 기준은 0%p부터 100%p 사이로 입력하세요.")]
    public decimal? GapThreshold { get; set; }

    public Guid Version { get; set; }
}

public sealed record CycleRow(int Id, string PlanTitle, int Year, string SelfStage, string Committee, string? NextStep, bool Overdue);

public sealed record FrameworkLink(int Id, string Title, string Kind, string Points);

public sealed record EvaluationsIndexViewModel(IReadOnlyList<CycleRow> Cycles, IReadOnlyList<FrameworkLink> Defaults, IReadOnlyList<Option> Plans, StartCycleEditModel Input, IReadOnlyList<ComprehensiveLink> Comprehensive);

public sealed record ComprehensiveLink(int PlanId, string PlanTitle, string State);

/// <summary>One step of the yearly calendar as shown: 완료, 진행 중, 기한 임박 (7 days) or 기한 지남.</summary>
public sealed record CalendarStep(string Name, string Due, string State, bool Overdue);

public sealed record CycleViewModel(
    int Id,
    int PlanId,
    string PlanTitle,
    int Year,
    IReadOnlyList<CalendarStep> Steps,
    string SelfStage,
    int ScoredCount,
    int SubProjectCount,
    int Members,
    int Declared,
    int Submitted,
    bool CommitteeClosed,
    bool IsSeated,
    FrameworkLink SelfFramework,
    FrameworkLink ExternalFramework,
    CalendarEditModel Calendar,
    CommitteeRulesEditModel Rules,
    string AggregationLabel,
    int OpenFollowUps);
