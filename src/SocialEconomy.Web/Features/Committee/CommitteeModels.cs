using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.PlanStructure;

namespace SocialEconomy.Web.Features.Committee;

/// <summary>An outside expert (외부전문가) the coordinator adds as a new committee-member account.</summary>
public sealed class ExpertEditModel
{
    [Required(ErrorMessage = "아이디를 입력하세요.")]
    [StringLength(64, ErrorMessage = "아이디는 64자 이내로 입력하세요.")]
    [RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "아이디는 영문, 숫자와 - . _ @ 만 쓸 수 있습니다.")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "이름을 입력하세요.")]
    [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "이름은 100자 이내로 입력하세요.")]
    public string? DisplayName { get; set; }
}

/// <summary>What the coordinator sees of a member before closing: progress only, never points.</summary>
public sealed record SeatRow(int Id, string Name, string Declared, string Submitted, bool CanRemove);

public sealed record CommitteeViewModel(
    int CycleId,
    int Year,
    string PlanTitle,
    bool Closed,
    string Aggregation,
    IReadOnlyList<SeatRow> Seats,
    IReadOnlyList<Option> Candidates,
    ExpertEditModel Expert,
    string? TemporaryPassword,
    Guid Version);

public sealed class MemberScoresEditModel
{
    public Dictionary<int, SelfEvaluations.ScoreInputModel> Scores { get; set; } = [];

    public Guid? Version { get; set; }

    public bool Submit { get; set; }
}

public sealed record MemberScoreLine(EvaluationItem Item, SelfEvaluations.ScoreInputModel Typed, string? Problem, string Saved);

public sealed record ScoringViewModel(
    int CycleId,
    int PlanId,
    int Year,
    string PlanTitle,
    string MemberName,
    bool Declared,
    bool Submitted,
    bool Closed,
    bool SelfLocked,
    IReadOnlyList<MemberScoreLine> Lines,
    string Total,
    string MaxTotal,
    Guid Version);

/// <summary>An item's aggregate as shown, and as numbers (MaxPoints, Score) for the workbook.</summary>
public sealed record ItemResultRow(string Area, string Indicator, string Max, bool IsBonus, string Value, string Min, string MaxScore, string Spread, IReadOnlyList<string> Comments, decimal MaxPoints, AggregateScore? Score);

/// <summary>A comparison topic as shown, and as numbers (Numbers) for the workbook.</summary>
public sealed record GapRow(string Topic, string Self, string Committee, string Gap, bool NeedsReason, string? Reason, string? WrittenBy, TopicGap? Numbers);

public sealed record ExternalResultViewModel(
    int CycleId,
    int Year,
    string PlanTitle,
    bool Closed,
    string? ClosedAt,
    string Aggregation,
    bool Anonymous,
    int Members,
    IReadOnlyList<string> MemberNames,
    IReadOnlyList<ItemResultRow> Items,
    string Total,
    string TotalSpread,
    string MaxTotal,
    IReadOnlyList<GapRow> Gaps,
    string Threshold,
    bool CanWriteReasons,
    AggregateScore? TotalScore,
    decimal BasePoints,
    decimal BonusPoints);
