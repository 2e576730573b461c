using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.ResultsWorkbook;

/// <summary>
/// The rows of a department's results workbook: the sub-projects of the plan running in the
/// year that the department leads or shares and the user may work on, with their results.
/// An officer gets only their own departments; the coordinating department any, or all.
/// </summary>
public sealed record ResultsWorkbookScope(BasicPlan Plan, int Year, Department? Department, ResultsPeriod? Period, IReadOnlyList<SubProject> SubProjects, IReadOnlyDictionary<int, YearResult> Results)
{
    public static async Task<ResultsWorkbookScope?> LoadAsync(AppDbContext db, ClaimsPrincipal user, int planId, int year, int? departmentId, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return null;
        }

        var department = departmentId is { } id ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        if (departmentId is not null && department is null)
        {
            return null;
        }

        var query = db.SubProjects
            .Include(s => s.Task)
            .Include(s => s.LeadDepartment)
            .Include(s => s.SharingDepartments)
            .Include(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .Include(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Where(s => s.Task.PlanId == planId && s.StartYear <= year && s.EndYear >= year);
        if (department is not null)
        {
            query = query.Where(s => s.LeadDepartmentId == department.Id || s.SharingDepartments.Any(d => d.DepartmentId == department.Id));
        }

        var subs = (await (tracked ? query : query.AsNoTracking()).AsSplitQuery().ToListAsync(cancellationToken))
            .Where(s => SubProjectAccess.CanWorkOn(user, s))
            .OrderBy(s => s.Task.Number).ThenBy(s => s.SortOrder)
            .ToList();
        var ids = subs.Select(s => s.Id).ToList();
        var results = db.YearResults.Include(r => r.Indicators).Include(r => r.Budget).Include(r => r.Milestones).Where(r => r.Year == year && ids.Contains(r.SubProjectId));
        var byId = await (tracked ? results : results.AsNoTracking()).AsSplitQuery().ToDictionaryAsync(r => r.SubProjectId, cancellationToken);
        var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, cancellationToken);
        return new ResultsWorkbookScope(plan, year, department, period, subs, byId);
    }

    public YearResult? ResultOf(SubProject sub) => Results.GetValueOrDefault(sub.Id);
}
