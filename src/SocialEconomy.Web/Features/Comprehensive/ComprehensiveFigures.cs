using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Comprehensive;

/// <summary>A sub-project under 총괄평가 with its task and its achievement and execution by year.</summary>
public sealed record SubProjectFigures(int TaskNumber, string TaskName, int SubProjectId, string Code, string Name, string Department, IReadOnlyList<YearFigure> Years);

/// <summary>
/// What the panel judges by: every sub-project started by the evaluation's last year, with
/// its achievement and execution per year from confirmed results only. The 총괄평가 page
/// and its printed report both read it from here.
/// </summary>
public static class ComprehensiveFigures
{
    public static async Task<(IReadOnlyList<int> Years, IReadOnlyList<SubProjectFigures> Rows)> ForAsync(AppDbContext db, ComprehensiveEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evaluation);
        var full = await db.Plans.AsNoTracking()
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
            .AsSplitQuery()
            .FirstAsync(p => p.Id == evaluation.PlanId, cancellationToken);
        var years = Enumerable.Range(full.Period.First, evaluation.AfterYear - full.Period.First + 1).ToList();

        // Only confirmed results are a record the panel judges by.
        var results = await db.YearResults.AsNoTracking().Include(r => r.Indicators).Include(r => r.Budget)
            .Where(r => r.SubProject.Task.PlanId == evaluation.PlanId && r.Year <= evaluation.AfterYear && r.Status == ResultStatus.Confirmed)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var bySubYear = results.ToDictionary(r => (r.SubProjectId, r.Year));
        var rows = full.Tasks.SelectMany(t => t.SubProjects.Select(s => (Task: t, Sub: s))).Where(p => p.Sub.StartYear <= evaluation.AfterYear).Select(p =>
        {
            var s = p.Sub;
            var figures = years.Select(y =>
            {
                if (!s.Period.Contains(y))
                {
                    return new YearFigure(y, "해당 없음", "해당 없음", null, null);
                }

                bySubYear.TryGetValue((s.Id, y), out var result);
                if (result is null)
                {
                    return new YearFigure(y, "확정 실적 없음", "-", null, null);
                }

                var rollup = Achievement.ForSubProject(s, y, result, full.BudgetUnit, i => i.TargetFor(y));
                return new YearFigure(y, Formats.Percent(rollup.Achievement), Formats.Percent(rollup.Execution), rollup.Achievement, rollup.Execution);
            }).ToList();
            return new SubProjectFigures(p.Task.Number, p.Task.Name, s.Id, s.Code, s.Name, s.LeadDepartment.Name, figures);
        }).ToList();
        return (years, rows);
    }
}
