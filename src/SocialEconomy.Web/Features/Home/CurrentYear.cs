using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Home;

/// <summary>The plan and year the home page talks about, and that year's results period (if opened).</summary>
public sealed record CurrentYear(int PlanId, string PlanTitle, YearRange Period, int Year, ResultsPeriod? ResultsPeriod)
{
    /// <summary>
    /// The office's current plan (else the latest adopted one); its year is the latest with an
    /// open results period, else the latest plan year that has begun (the first year of a plan
    /// that has not begun). Null when there is no plan to talk about.
    /// </summary>
    public static async Task<CurrentYear?> FindAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.IsCurrent || p.Status == PlanStatus.Adopted)
            .OrderByDescending(p => p.IsCurrent).ThenByDescending(p => p.FirstYear).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.FirstYear, p.LastYear })
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var periods = await db.ResultsPeriods.AsNoTracking().Where(p => p.PlanId == plan.Id).ToListAsync(cancellationToken);
        var range = new YearRange(plan.FirstYear, plan.LastYear);
        var (year, period) = Choose(range, periods, today);
        return new CurrentYear(plan.Id, plan.Title, range, year, period);
    }

    /// <summary>
    /// The year of a plan to talk about, from its results periods and today's date in Korea
    /// (<see cref="Formats.KoreanToday"/>): the latest year whose period is open; else today's
    /// year clamped into the plan period (its first year before it begins, its last after it
    /// ends). The period returned is the chosen year's, open or closed, if it was ever opened.
    /// </summary>
    public static (int Year, ResultsPeriod? Period) Choose(YearRange plan, IReadOnlyCollection<ResultsPeriod> periods, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var open = periods.Where(p => p.IsOpen).MaxBy(p => p.Year);
        var year = open?.Year ?? Math.Clamp(today.Year, plan.First, plan.Last);
        return (year, open ?? periods.FirstOrDefault(p => p.Year == year));
    }
}
