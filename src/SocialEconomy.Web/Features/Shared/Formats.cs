using System.Globalization;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>Numbers on screen: ko-KR grouping, no trailing zeros, units beside them.</summary>
public static class Formats
{
    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    public static string Number(decimal value) => TargetValue.FormatNumber(value, Korean);

    private static readonly TimeZoneInfo KoreaTime = TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");

    /// <summary>A stored UTC time as Korean officials read it (KST has no daylight saving).</summary>
    public static string KoreanTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), KoreaTime).ToString("yyyy-MM-dd HH:mm", Korean);

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(Korean)}B",
        < 1024 * 1024 => $"{(bytes / 1024m).ToString("#,##0.#", Korean)}KB",
        _ => $"{(bytes / 1024m / 1024m).ToString("#,##0.#", Korean)}MB",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today's date in Korea, for deadlines.</summary>
    public static DateOnly KoreanToday(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, KoreaTime));
    }

    /// <summary>A rate with its unit, or a dash when nothing can be rated.</summary>
    public static string Percent(decimal? rate) => rate is { } value ? $"{value.ToString("#,##0.0", Korean)}%" : "-";

    public static string Status(Domain.Results.ResultStatus status) => status switch
    {
        Domain.Results.ResultStatus.NotStarted => "미작성",
        Domain.Results.ResultStatus.Draft => "작성중",
        Domain.Results.ResultStatus.Submitted => "제출",
        Domain.Results.ResultStatus.Returned => "반려",
        Domain.Results.ResultStatus.Confirmed => "확정",
        _ => status.ToString(),
    };

    public static string State(Domain.Results.MilestoneState state) => state switch
    {
        Domain.Results.MilestoneState.Done => "완료",
        Domain.Results.MilestoneState.InProgress => "추진중",
        Domain.Results.MilestoneState.NotStarted => "미추진",
        _ => state.ToString(),
    };

    public static string Judgement(Domain.Results.Judgement judgement) => judgement switch
    {
        Domain.Results.Judgement.Achieved => "달성",
        Domain.Results.Judgement.PartlyAchieved => "일부달성",
        Domain.Results.Judgement.NotAchieved => "미달성",
        _ => judgement.ToString(),
    };

    public static string Step(Domain.Results.ResultStep step) => step switch
    {
        Domain.Results.ResultStep.Submitted => "제출",
        Domain.Results.ResultStep.Returned => "반려",
        Domain.Results.ResultStep.Confirmed => "확정",
        Domain.Results.ResultStep.Reopened => "재개",
        _ => step.ToString(),
    };

    public static string Direction(IndicatorDirection direction) => direction == IndicatorDirection.Decrease ? "하향(낮을수록 좋음)" : "상향(높을수록 좋음)";

    public static string Year(int year) => year.ToString(Korean) + "년";

    public static string Period(YearRange range) => $"{range.First.ToString(Korean)}년 ~ {range.Last.ToString(Korean)}년";

    public static string Status(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "작성중",
        PlanStatus.Adopted => "확정",
        PlanStatus.Closed => "종료",
        _ => status.ToString(),
    };

    public static string Status(PlanStatus status, bool isCurrent) => isCurrent ? $"{Status(status)} · 현재 계획" : Status(status);

    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "수량",
        IndicatorKind.Amount => "금액",
        IndicatorKind.Rate => "비율",
        IndicatorKind.Text => "정성",
        _ => kind.ToString(),
    };

    public static string TotalRule(TotalRule rule) => rule switch
    {
        Domain.Planning.TotalRule.Sum => "연도별 합계",
        Domain.Planning.TotalRule.Average => "연도별 평균",
        Domain.Planning.TotalRule.LastYear => "최종연도 값",
        Domain.Planning.TotalRule.Given => "계획서 기재 문구",
        Domain.Planning.TotalRule.None => "계 없음",
        _ => rule.ToString(),
    };

    /// <summary>Points with their unit: 27.5점; a dash when not given.</summary>
    public static string Points(decimal? points) => points is { } value ? $"{value.ToString("#,##0.##", Korean)}점" : "-";

    public static string PointsInput(decimal? points) => points?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Stage(Domain.Evaluation.SelfStage stage) => stage switch
    {
        Domain.Evaluation.SelfStage.Scoring => "T/F 채점 중",
        Domain.Evaluation.SelfStage.InReview => "실무협의체 검토 중",
        Domain.Evaluation.SelfStage.Locked => "확정",
        _ => stage.ToString(),
    };

    public static string Recommendation(Domain.Evaluation.Recommendation recommendation) => recommendation switch
    {
        Domain.Evaluation.Recommendation.Expand => "확대",
        Domain.Evaluation.Recommendation.Keep => "유지",
        Domain.Evaluation.Recommendation.Reduce => "축소",
        Domain.Evaluation.Recommendation.End => "종료",
        _ => recommendation.ToString(),
    };

    public static string Source(Domain.Evaluation.FindingSource source) => source switch
    {
        Domain.Evaluation.FindingSource.Self => "자체평가",
        Domain.Evaluation.FindingSource.External => "외부평가",
        Domain.Evaluation.FindingSource.Comprehensive => "총괄평가",
        _ => source.ToString(),
    };
}
