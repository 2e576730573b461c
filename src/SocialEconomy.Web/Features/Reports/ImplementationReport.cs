using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 연차별 시행계획: one year of the plan as adopted — each sub-project's targets, milestones
/// and budget for that year — with every revision of that year noted beside its cell.
/// </summary>
public static class ImplementationReport
{
    public static async Task<ImplementationReportViewModel> BuildAsync(AppDbContext db, BasicPlan plan, int year, ReportHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var revisions = await db.PlanRevisions.AsNoTracking()
            .Where(r => r.PlanId == plan.Id && r.Year == year)
            .OrderBy(r => r.ChangedAtUtc).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        string? Revised(RevisionSubject subject, int id)
        {
            var changes = revisions.Where(r => r.Subject == subject && r.SubjectId == id).ToList();
            return changes.Count == 0 ? null : $"당초 {changes[0].OldValue ?? "-"} → 변경 {changes[^1].NewValue ?? "-"} ({string.Join("; ", changes.Select(c => c.Reason))})";
        }

        var unit = plan.BudgetUnit;
        var tasks = plan.Tasks.Select(task => new YearTask(
                task.Number,
                task.Name,
                task.SubProjects.Where(s => s.Period.Contains(year)).Select(sub =>
                {
                    var items = sub.ActionItems.Where(a => a.Years.Contains(year)).ToList();
                    var indicators = items.SelectMany(a => a.Indicators.Select(i => new YearIndicatorRow(
                            a.Name,
                            i.Name,
                            i.Unit.Symbol,
                            i.TargetFor(year) is { IsEmpty: false } target ? target.Format(Formats.Korean) : "-",
                            i.TargetFor(year) is { Number: { } number, Text: null or "" } ? number : null,
                            Revised(RevisionSubject.Target, i.Id))))
                        .ToList();
                    var milestones = items.SelectMany(a => a.Milestones
                            .Where(m => m.TextFor(year) is not null)
                            .Select(m => new YearMilestoneRow(a.Name, m.Label ?? "추진일정", m.TextFor(year)!, Revised(RevisionSubject.Milestone, m.Id))))
                        .ToList();
                    var lines = sub.BudgetLines.Where(l => l.IsNonBudget || l.Amounts.Any(a => a.Year == year)).ToList();
                    var budget = lines.Select(l => new YearBudgetRow(
                            l.Name,
                            l.IsNonBudget ? "비예산" : $"{Formats.Number(l.AmountFor(year, unit))} {unit.Symbol}",
                            l.IsNonBudget ? null : l.AmountFor(year, unit),
                            Revised(RevisionSubject.Budget, l.Id)))
                        .ToList();
                    return new YearSubProject(sub.Code, sub.Name, sub.LeadDepartment.Name, indicators, milestones, budget, $"{Formats.Number(sub.BudgetFor(year, unit))} {unit.Symbol}", sub.BudgetFor(year, unit));
                }).ToList()))
            .Where(t => t.SubProjects.Count > 0)
            .ToList();
        var total = plan.SubProjects.Where(s => s.Period.Contains(year)).Sum(s => s.BudgetFor(year, unit));
        return new ImplementationReportViewModel(header, plan.Id, year, unit.Symbol, tasks, $"{Formats.Number(total)} {unit.Symbol}", total, revisions.Count);
    }
}
