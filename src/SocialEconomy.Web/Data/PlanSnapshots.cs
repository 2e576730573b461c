using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data;

/// <summary>
/// Whole plans, read once and shared by the pages that show them (plan overview, sub-project,
/// 재정계획, rates, the home dashboard, the printed 기본계획) until the plan model changes.
/// Loading a 60-sub-project plan with its tables took about 10 ms of EF Core work per request
/// (docs/benchmarks.md, "Under load"), while plans change a few times a year.
///
/// A copy is keyed by the planning <see cref="ChangeStamp"/>, which every save touching the
/// plan model replaces in its own transaction: each request reads the stamp (one row) first,
/// so a change committed by any process sharing the database is seen by the next request.
/// The graphs are untracked and shared between requests: callers read them, never change them.
/// </summary>
public sealed class PlanSnapshots : IDisposable
{
    // Each copy counts 1; a province's 30 plans fit, and stale copies (older stamps) age out.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64 });

    public async Task<BasicPlan?> GetAsync(AppDbContext db, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await StampAsync(db, cancellationToken);
        var key = (planId, stamp);
        if (_cache.TryGetValue(key, out BasicPlan? cached))
        {
            return cached;
        }

        var plan = await LoadAsync(db, planId, cancellationToken);

        // The split queries are separate statements: a change committed while they ran may
        // show in part of the graph. Such a graph is still returned (as it was before this
        // cache) but not kept, because the stamp it would be kept under is already old.
        if (plan is not null && await StampAsync(db, cancellationToken) == stamp)
        {
            _cache.Set(key, plan, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });
        }

        return plan;
    }

    public void Dispose() => _cache.Dispose();

    private static Task<Guid> StampAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.ChangeStamps.AsNoTracking()
            .Where(s => s.Name == ChangeStamp.Planning)
            .Select(s => s.Token)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Everything any reader of a whole plan shows: structure, departments, indicators with targets, milestones, budget lines with amounts.</summary>
    private static Task<BasicPlan?> LoadAsync(AppDbContext db, int planId, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.OwningDepartment)
            .Include(p => p.Goals)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.ActionItem)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
}
