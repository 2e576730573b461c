using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;

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
        var open = periods.Where(p => p.IsOpen).MaxBy(p => p.Year);
        var year = open?.Year ?? Math.Clamp(today.Year, plan.FirstYear, plan.LastYear);
        return new CurrentYear(plan.Id, plan.Title, new YearRange(plan.FirstYear, plan.LastYear), year, open ?? periods.FirstOrDefault(p => p.Year == year));
    }
}
