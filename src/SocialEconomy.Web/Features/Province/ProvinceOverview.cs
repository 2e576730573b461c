using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Province;

/// <summary>One 시·군·구 under the 시·도, as the 시·도 sees it: confirmed figures only.</summary>
public sealed record ProvinceRow(
    string Government,
    string? PlanTitle,
    string? Period,
    bool CoversYear,
    int Confirmed,
    int Running,
    decimal? Achievement,
    decimal Planned,
    decimal Executed,
    decimal? Execution,
    string? BudgetUnit);

public sealed record ProvinceOverviewModel(string Province, int Year, IReadOnlyList<ProvinceRow> Rows);

/// <summary>
/// The 시·도's side-by-side view of the 시·군·구 under it (docs/organisations.md): each one's
/// current plan, its period, and of the year only what that government has confirmed —
/// achievement, planned budget and execution. It is the one reader that crosses the
/// government filters, so it names its governments itself (the signer's children, nothing
/// else) and computes the figures as a 열람자 would see them: a draft, a submission or a
/// returned result counts for nothing here.
/// </summary>
public sealed class ProvinceOverview(AppDbContext db, PlanSnapshots snapshots)
{
    // A reader who sees confirmed results only (ResultsAccess), for the rollup.
    private static readonly ClaimsPrincipal ConfirmedOnly = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Viewer)], "province"));

    public async Task<ProvinceOverviewModel?> BuildAsync(int governmentId, int year, CancellationToken cancellationToken)
    {
        var province = await db.LocalGovernments.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Id == governmentId && g.Level == GovernmentLevel.Province, cancellationToken);
        if (province is null)
        {
            return null;
        }

        var children = await db.LocalGovernments.AsNoTracking()
            .Where(g => g.ParentId == province.Id && g.IsActive)
            .OrderBy(g => g.ShortName)
            .Select(g => new { g.Id, g.Name })
            .ToListAsync(cancellationToken);
        var ids = children.Select(c => c.Id).ToList();
        var plans = await db.Plans.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.LocalGovernmentId) && p.IsCurrent)
            .Select(p => new { p.LocalGovernmentId, p.Id })
            .ToDictionaryAsync(p => p.LocalGovernmentId, p => p.Id, cancellationToken);

        var rows = new List<ProvinceRow>();
        foreach (var child in children)
        {
            rows.Add(plans.TryGetValue(child.Id, out var planId)
                ? await RowAsync(child.Id, child.Name, planId, year, cancellationToken)
                : new ProvinceRow(child.Name, null, null, false, 0, 0, null, 0m, 0m, null, null));
        }

        return new ProvinceOverviewModel(province.Name, year, rows);
    }

    private async Task<ProvinceRow> RowAsync(int governmentId, string government, int planId, int year, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken, asGovernment: governmentId)
            ?? throw new InvalidOperationException($"Plan {planId} vanished.");
        var period = $"{plan.FirstYear}~{plan.LastYear}년";
        if (!plan.Period.Contains(year))
        {
            return new ProvinceRow(government, plan.Title, period, false, 0, 0, null, 0m, 0m, null, plan.BudgetUnit.Symbol);
        }

        var results = await snapshots.YearResultsAsync(db, planId, year, cancellationToken, asGovernment: governmentId);
        var rollup = YearRates.ForPlan(ConfirmedOnly, plan, year, results, i => i.TargetFor(year));
        var subs = rollup.Tasks.SelectMany(t => t.SubProjects).ToList();
        return new ProvinceRow(
            government,
            plan.Title,
            period,
            true,
            subs.Count(s => s.Status == ResultStatus.Confirmed),
            subs.Count,
            rollup.Total.Achievement,
            rollup.Total.Planned,
            rollup.Total.Executed,
            rollup.Total.Execution,
            plan.BudgetUnit.Symbol);
    }
}
