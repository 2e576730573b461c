using System.Globalization;

namespace SocialEconomy.Domain.Planning;

/// <summary>
/// The dates people type for a plan (follow-up due dates, results deadlines, the evaluation
/// calendar) fall from 1 January of the year before its first year to 31 December five years
/// after its last: preparation starts the year before, and the evaluation of the last year,
/// its follow-ups and the comprehensive evaluation run a few years after. A plan that ended
/// longer ago (the 2017–2020 seed, followed up today) may still be given dates up to the end
/// of next year. Anything outside is a typing slip such as 0001-01-01 or 20270-01-31
/// (docs/evaluations.md, issue 15 item 10).
/// </summary>
public static class PlanDates
{
    public const int YearsBefore = 1;
    public const int YearsAfter = 5;

    public static DateOnly Earliest(YearRange period) => new(period.First - YearsBefore, 1, 1);

    public static DateOnly Latest(YearRange period, DateOnly today) => new(Math.Max(period.Last + YearsAfter, today.Year + 1), 12, 31);

    /// <summary>The Korean refusal of <paramref name="date"/> as <paramref name="label"/>, or null when it is in range.</summary>
    public static string? Problem(YearRange period, DateOnly date, string label, DateOnly today) =>
        date >= Earliest(period) && date <= Latest(period, today)
            ? null
            : $"{label}은(는) {Show(Earliest(period))}부터 {Show(Latest(period, today))}까지의 날짜로 입력하세요. 계획기간({period.First.ToString(CultureInfo.InvariantCulture)}~{period.Last.ToString(CultureInfo.InvariantCulture)}년)의 전년부터 종료 {YearsAfter.ToString(CultureInfo.InvariantCulture)}년 뒤(그때가 지났으면 내년 말)까지입니다.";

    private static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
