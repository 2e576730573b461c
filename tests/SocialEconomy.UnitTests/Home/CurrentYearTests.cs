using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.UnitTests.Planning;
using SocialEconomy.Web.Features.Home;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.UnitTests.Home;

/// <summary>
/// Which year of the plan the home page talks about (docs/dashboard.md): an open results
/// period wins, the latest if several are open; else today's year in Korea, clamped into the
/// plan period. "Today" comes from a fixed clock through <see cref="Formats.KoreanToday"/>,
/// as the home page gets it from its <see cref="TimeProvider"/>.
/// </summary>
public class CurrentYearTests
{
    private static readonly DateTime Opened = new(2018, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly BasicPlan _plan = AdoptedPlan(2017, 2020);

    [Fact]
    public void Choose_OpenPeriod_WinsOverToday()
    {
        var open = Period(2018, isOpen: true);
        var closed = Period(2019, isOpen: false);

        var (year, period) = Choose([closed, open], At(2026, 5, 1));

        Assert.Equal(2018, year);
        Assert.Same(open, period);
    }

    [Fact]
    public void Choose_SeveralOpenPeriods_TheLatestOpenOneWins()
    {
        var older = Period(2018, isOpen: true);
        var latest = Period(2019, isOpen: true);
        var closedLater = Period(2020, isOpen: false);

        var (year, period) = Choose([latest, closedLater, older], At(2018, 3, 1));

        Assert.Equal(2019, year);
        Assert.Same(latest, period);
    }

    [Fact]
    public void Choose_NoOpenPeriod_TodaysYearWithItsClosedPeriod()
    {
        var closed2019 = Period(2019, isOpen: false);
        var closed2020 = Period(2020, isOpen: false);

        var (year, period) = Choose([closed2020, closed2019], At(2019, 7, 15));

        Assert.Equal(2019, year);
        Assert.Same(closed2019, period);
    }

    [Theory]
    [InlineData(2015, 2017)] // before the plan begins: its first year
    [InlineData(2017, 2017)]
    [InlineData(2019, 2019)] // within: the year that has begun
    [InlineData(2020, 2020)]
    [InlineData(2026, 2020)] // after it ends: its last year (the seed's plan in 2026)
    public void Choose_NoPeriods_TodaysYearClampedIntoThePlan(int todayYear, int expected)
    {
        var (year, period) = Choose([], At(todayYear, 6, 30));

        Assert.Equal(expected, year);
        Assert.Null(period);
    }

    [Theory]
    [InlineData(14, 59, 2018)] // 23:59 on 31 December in Korea
    [InlineData(15, 0, 2019)] // 00:00 on 1 January in Korea, still 31 December in UTC
    public void Choose_TurnOfTheYear_CountsTheDateInKorea(int utcHour, int utcMinute, int expected)
    {
        var clock = new FixedClock(new DateTimeOffset(2018, 12, 31, utcHour, utcMinute, 0, TimeSpan.Zero));

        var (year, _) = CurrentYear.Choose(_plan.Period, [], Formats.KoreanToday(clock));

        Assert.Equal(expected, year);
    }

    [Fact]
    public void Choose_AnotherPlanPeriod_IsNotHardCoded()
    {
        var plan = AdoptedPlan(2021, 2025);

        Assert.Equal(2021, CurrentYear.Choose(plan.Period, [], Formats.KoreanToday(At(2020, 12, 1))).Year);
        Assert.Equal(2023, CurrentYear.Choose(plan.Period, [], Formats.KoreanToday(At(2023, 2, 1))).Year);
        Assert.Equal(2025, CurrentYear.Choose(plan.Period, [], Formats.KoreanToday(At(2030, 2, 1))).Year);
    }

    private (int Year, ResultsPeriod? Period) Choose(IReadOnlyCollection<ResultsPeriod> periods, FixedClock clock) =>
        CurrentYear.Choose(_plan.Period, periods, Formats.KoreanToday(clock));

    /// <summary>Noon in Korea on the given day.</summary>
    private static FixedClock At(int year, int month, int day) =>
        new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(9)));

    private ResultsPeriod Period(int year, bool isOpen)
    {
        var period = new ResultsPeriod(_plan, year, new DateOnly(year + 1, 1, 31), Opened);
        if (!isOpen)
        {
            period.Close(Opened.AddDays(30));
        }

        return period;
    }

    private static BasicPlan AdoptedPlan(int first, int last)
    {
        var plan = new PlanBuilder().Years(first, last).Build();
        plan.Adopt();
        return plan;
    }

    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
