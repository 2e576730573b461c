using SocialEconomy.Domain.Planning;

namespace SocialEconomy.UnitTests.Planning;

/// <summary>Typed dates lie from the year before a plan's first year to five years after its last (docs/evaluations.md).</summary>
public class PlanDatesTests
{
    private static readonly YearRange Period = new(2017, 2020);

    /// <summary>A day when the plan's own range is the whole range.</summary>
    private static readonly DateOnly InTime = new(2024, 6, 3);

    [Theory]
    [InlineData(2016, 1, 1)]
    [InlineData(2019, 6, 30)]
    [InlineData(2025, 12, 31)]
    public void Problem_InsideTheRange_IsNull(int year, int month, int day) =>
        Assert.Null(PlanDates.Problem(Period, new DateOnly(year, month, day), "조치 기한", InTime));

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2015, 12, 31)]
    [InlineData(2026, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Problem_OutsideTheRange_NamesTheFieldAndTheRange(int year, int month, int day) =>
        Assert.Equal(
            "조치 기한은(는) 2016-01-01부터 2025-12-31까지의 날짜로 입력하세요. 계획기간(2017~2020년)의 전년부터 종료 5년 뒤(그때가 지났으면 내년 말)까지입니다.",
            PlanDates.Problem(Period, new DateOnly(year, month, day), "조치 기한", InTime));

    [Fact]
    public void APlanThatEndedLongAgo_TakesDatesToTheEndOfNextYear()
    {
        var today = new DateOnly(2026, 12, 2);
        Assert.Equal(new DateOnly(2027, 12, 31), PlanDates.Latest(Period, today));
        Assert.Null(PlanDates.Problem(Period, new DateOnly(2027, 6, 30), "조치 기한", today));
        Assert.NotNull(PlanDates.Problem(Period, new DateOnly(2028, 1, 1), "조치 기한", today));
    }
}
