using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Plans;

/// <summary>
/// Reads plans for the plan browser. Each page shapes the plan's shared copy
/// (<see cref="PlanSnapshots"/>) into a view model, the sub-project page adding its change
/// history; totals come from the domain, never from stored figures.
/// </summary>
public sealed class PlanQueries(AppDbContext db, PlanSnapshots snapshots)
{
    public async Task<IReadOnlyList<PlanListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.FirstYear).ThenBy(p => p.District)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.District,
                Department = p.OwningDepartment.Name,
                p.FirstYear,
                p.LastYear,
                p.Status,
                p.IsCurrent,
                SubProjectCount = db.SubProjects.Count(s => s.Task.PlanId == p.Id),
            })
            .ToListAsync(cancellationToken);
        return plans
            .Select(p => new PlanListItem(p.Id, p.Title, p.District, p.Department, Formats.Period(new YearRange(p.FirstYear, p.LastYear)), Formats.Status(p.Status, p.IsCurrent), p.SubProjectCount))
            .ToList();
    }

    public async Task<PlanOverviewViewModel?> OverviewAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        return plan is null ? null : Overview(plan);
    }

    /// <summary>
    /// The whole plan, read once with its tables: the overview, every sub-project's page and
    /// the 재정계획, as the printed 기본계획 shows them (current values, no change history).
    /// </summary>
    public async Task<PlanBook?> BookAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var all = plan.SubProjects.ToList();
        var subProjects = all.Select((_, index) => SubProjectView(plan, all, index, [])).ToList();
        return new PlanBook(plan, Overview(plan), subProjects, Finance(plan));
    }

    private static PlanOverviewViewModel Overview(BasicPlan plan)
    {
        var years = plan.Period.Years.ToList();
        var unit = plan.BudgetUnit;
        var tasks = plan.Tasks.Select(t => new TaskOverview(
                t.Number,
                t.Name,
                t.ShortName,
                t.SubProjects.Select(s => new SubProjectOverview(s.Code, s.Name, s.LeadDepartment.Name, s.ActionItems.Count, s.ActionItems.Sum(a => a.Indicators.Count))).ToList(),
                Row(years, y => t.SubProjects.Sum(s => s.BudgetFor(y, unit)))))
            .ToList();
        return new PlanOverviewViewModel(
            plan.Id,
            plan.Title,
            plan.Subtitle,
            plan.Slogan,
            plan.District,
            plan.OwningDepartment.Name,
            Formats.Period(plan.Period),
            Formats.Status(plan.Status, plan.IsCurrent),
            plan.Status,
            plan.IsCurrent,
            plan.Vision,
            plan.Purpose,
            (plan.LegalBasis ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            plan.Goals.Select(g => g.Text).ToList(),
            years,
            unit.Symbol,
            tasks,
            Row(years, y => plan.SubProjects.Sum(s => s.BudgetFor(y, unit))));
    }

    public async Task<FinancialPlanViewModel?> FinancialPlanAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        return plan is null ? null : Finance(plan);
    }

    private static FinancialPlanViewModel Finance(BasicPlan plan) =>
        new(plan.Id, plan.Title, Formats.Period(plan.Period), FinancialPlan.Build(plan), plan.FinancialPlanNote);

    public async Task<SubProjectViewModel?> SubProjectAsync(int planId, string code, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        var all = plan?.SubProjects.ToList() ?? [];
        var index = all.FindIndex(s => string.Equals(s.Code, code, StringComparison.Ordinal));
        if (plan is null || index < 0)
        {
            return null;
        }

        // The change history is not part of the shared copy: it grows with every revision
        // and only this page shows it.
        var subProjectId = all[index].Id;
        var revisions = await db.PlanRevisions.AsNoTracking()
            .Where(r => r.SubProjectId == subProjectId)
            .OrderByDescending(r => r.ChangedAtUtc).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return SubProjectView(plan, all, index, revisions);
    }

    private static SubProjectViewModel SubProjectView(BasicPlan plan, List<SubProject> all, int index, IReadOnlyList<PlanRevision> revisions)
    {
        var subProject = all[index];
        var years = plan.Period.Years.ToList();
        var unit = plan.BudgetUnit;
        var lines = subProject.BudgetLines;
        return new SubProjectViewModel(
            plan.Id,
            plan.Title,
            subProject.Task.Number,
            subProject.Task.Name,
            subProject.Code,
            subProject.Name,
            subProject.LeadDepartment.Name,
            Formats.Period(subProject.Period),
            subProject.Directions,
            subProject.Overview,
            years,
            subProject.ActionItems.Select((a, i) => ActionItemView(a, i + 1, years)).ToList(),
            lines.Select(l => new BudgetLineRow(
                    l.Name,
                    l.ActionItem?.Name,
                    l.Unit.Symbol,
                    l.IsNonBudget,
                    years.Select(y => l.IsNonBudget ? "-" : Formats.Number(l.AmountFor(y, l.Unit))).ToList(),
                    l.IsNonBudget ? "비예산" : Formats.Number(l.Total(l.Unit))))
                .ToList(),
            lines.Count == 0 ? null : Row(years, y => subProject.BudgetFor(y, unit)),
            unit.Symbol,
            index > 0 ? all[index - 1].Code : null,
            index < all.Count - 1 ? all[index + 1].Code : null,
            revisions.Select(r => new RevisionRow(
                    Formats.KoreanTime(r.ChangedAtUtc),
                    r.ChangedBy,
                    r.Label,
                    Formats.Year(r.Year),
                    r.OldValue ?? "(빈칸)",
                    r.NewValue ?? "(빈칸)",
                    r.Reason))
                .ToList());
    }

    private static ActionItemViewModel ActionItemView(ActionItem item, int number, IReadOnlyList<int> years)
    {
        var indicators = item.Indicators;
        var rows = indicators.Select((indicator, i) =>
        {
            // A group header spans the consecutive rows that share it, as printed.
            var startsGroup = indicator.Group is not null && (i == 0 || indicators[i - 1].Group != indicator.Group);
            var span = startsGroup ? indicators.Skip(i).TakeWhile(x => x.Group == indicator.Group).Count() : 0;
            return new IndicatorRow(
                indicator.Group,
                span,
                indicator.Name,
                indicator.Unit.Symbol,
                Formats.Kind(indicator.Kind),
                years.Select(y => Cell(indicator.TargetFor(y))).ToList(),
                Cell(indicator.Total()),
                Formats.TotalRule(indicator.TotalRule));
        }).ToList();

        var milestones = item.Milestones
            .Select(m => new MilestoneRow(m.Label, years.Select(y => (IReadOnlyList<string>)(m.TextFor(y)?.Split('\n') ?? ["-"])).ToList()))
            .ToList();
        return new ActionItemViewModel(
            number,
            item.Name,
            item.Summary,
            item.Period is { } period ? Formats.Period(period) : null,
            item.Details,
            item.TableUnitCaption,
            rows,
            milestones);
    }

    private static string Cell(TargetValue value) => value.IsEmpty ? "-" : value.Format(Formats.Korean);

    private static BudgetRow Row(IReadOnlyList<int> years, Func<int, decimal> amountFor)
    {
        var amounts = years.Select(amountFor).ToList();
        return new BudgetRow(amounts.Select(Formats.Number).ToList(), Formats.Number(amounts.Sum()));
    }

    /// <summary>The whole plan with its yearly tables, untracked and shared: what the printed reports read.</summary>
    public Task<BasicPlan?> PlanWithTablesAsync(int planId, CancellationToken cancellationToken) => snapshots.PlanAsync(db, planId, cancellationToken);
}
