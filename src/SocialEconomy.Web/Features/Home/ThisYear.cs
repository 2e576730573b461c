using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.Home;

/// <summary>A plan of the signer's government that runs this year.</summary>
public sealed record RunningPlan(int Id, string Title, int FirstYear, int LastYear, bool IsCurrent);

/// <summary>A results period open for entry, of whichever plan of the government.</summary>
public sealed record OpenYear(int PlanId, string PlanTitle, int Year, DateOnly Deadline, bool Overdue);

/// <summary>
/// What the signer's government has under way this year: every adopted plan whose period
/// covers it (two when a plan's last year overlaps the next plan's first), and every year
/// whose results period is open, whichever plan it belongs to. The government comes from the
/// context's filters, so a 시·도's officer sees the 시·도's plans only.
/// </summary>
public sealed record ThisYear(int Year, IReadOnlyList<RunningPlan> Plans, IReadOnlyList<OpenYear> OpenYears)
{
    public static async Task<ThisYear> FindAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = today.Year;
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Adopted && p.FirstYear <= year && p.LastYear >= year)
            .OrderByDescending(p => p.IsCurrent).ThenBy(p => p.FirstYear).ThenBy(p => p.Id)
            .Select(p => new RunningPlan(p.Id, p.Title, p.FirstYear, p.LastYear, p.IsCurrent))
            .ToListAsync(cancellationToken);
        var periods = await db.ResultsPeriods.AsNoTracking()
            .Where(p => p.IsOpen)
            .Join(db.Plans, p => p.PlanId, plan => plan.Id, (p, plan) => new { p.PlanId, plan.Title, p.Year, p.Deadline })
            .OrderBy(p => p.Deadline).ThenBy(p => p.PlanId)
            .ToListAsync(cancellationToken);
        return new ThisYear(
            year,
            plans,
            periods.Select(p => new OpenYear(p.PlanId, p.Title, p.Year, p.Deadline, p.Deadline < today)).ToList());
    }
}
