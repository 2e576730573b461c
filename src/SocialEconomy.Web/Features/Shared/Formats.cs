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
}
