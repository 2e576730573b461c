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

public sealed record ProvinceOverviewModel(string Province, int Year, IReadOnlyList<ProvinceRow> Rows)
{
    /// <summary>The ids of the 시·군·구 of <see cref="Rows"/>, in their order, for the links to each one's page.</summary>
    public IReadOnlyList<int> GovernmentIds { get; init; } = [];
}

/// <summary>One sub-project of a 시·군·구's year, as the 시·도 reads it: confirmed figures, or "확정 전".</summary>
public sealed record ProvinceSubProjectRow(string Code, string Name, string LeadDepartment, bool Confirmed, decimal? Achievement, decimal Planned, decimal Executed, decimal? Execution);

public sealed record ProvinceTaskRows(string Task, IReadOnlyList<ProvinceSubProjectRow> SubProjects);

/// <summary>One 시·군·구's current plan in a year, task by task, for the 시·도 above it.</summary>
public sealed record ProvinceGovernmentModel(string Province, string Government, int Year, ProvinceRow Summary, IReadOnlyList<ProvinceTaskRows> Tasks);

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
                ? (await ReadAsync(child.Id, child.Name, planId, year, cancellationToken)).Row
                : new ProvinceRow(child.Name, null, null, false, 0, 0, null, 0m, 0m, null, null));
        }

        return new ProvinceOverviewModel(province.Name, year, rows) { GovernmentIds = [.. children.Select(c => c.Id)] };
    }

    /// <summary>
    /// One 시·군·구 under the signer's 시·도, its current plan's sub-projects of the year with
    /// confirmed figures only; null when the government is not a 시·군·구 under that 시·도
    /// (or has no current plan), so another's is never read.
    /// </summary>
    public async Task<ProvinceGovernmentModel?> GovernmentAsync(int provinceId, int governmentId, int year, CancellationToken cancellationToken)
    {
        var child = await db.LocalGovernments.AsNoTracking()
            .Where(g => g.Id == governmentId && g.IsActive && g.ParentId == provinceId && g.Parent!.Level == GovernmentLevel.Province)
            .Select(g => new { g.Id, g.Name, Province = g.Parent!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        var planId = child is null ? null : await db.Plans.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.LocalGovernmentId == child.Id && p.IsCurrent)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (child is null || planId is null)
        {
            return null;
        }

        var (row, rollup) = await ReadAsync(child.Id, child.Name, planId.Value, year, cancellationToken);
        var tasks = rollup?.Tasks.Select(t => new ProvinceTaskRows(
            $"{t.Task.Number}. {t.Task.Name}",
            [.. t.SubProjects.Select(s => s.Status == ResultStatus.Confirmed
                ? new ProvinceSubProjectRow(s.SubProject.Code, s.SubProject.Name, s.SubProject.LeadDepartment.Name, true, s.Rollup.Achievement, s.Rollup.Planned, s.Rollup.Executed, s.Rollup.Execution)
                : new ProvinceSubProjectRow(s.SubProject.Code, s.SubProject.Name, s.SubProject.LeadDepartment.Name, false, null, 0m, 0m, null))])).ToList() ?? [];
        return new ProvinceGovernmentModel(child.Province, child.Name, year, row, tasks);
    }

    private async Task<(ProvinceRow Row, PlanRollup? Rollup)> ReadAsync(int governmentId, string government, int planId, int year, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken, asGovernment: governmentId)
            ?? throw new InvalidOperationException($"Plan {planId} vanished.");
        var period = $"{plan.FirstYear}~{plan.LastYear}년";
        if (!plan.Period.Contains(year))
        {
            return (new ProvinceRow(government, plan.Title, period, false, 0, 0, null, 0m, 0m, null, plan.BudgetUnit.Symbol), null);
        }

        var results = await snapshots.YearResultsAsync(db, planId, year, cancellationToken, asGovernment: governmentId);
        var rollup = YearRates.ForPlan(ConfirmedOnly, plan, year, results, i => i.TargetFor(year));
        var subs = rollup.Tasks.SelectMany(t => t.SubProjects).ToList();
        return (new ProvinceRow(
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
            plan.BudgetUnit.Symbol), rollup);
    }
}
