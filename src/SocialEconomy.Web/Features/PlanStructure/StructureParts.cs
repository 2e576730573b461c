using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.PlanStructure;

/// <summary>
/// Finding a part of a plan's structure named in a URL (kind and id), always inside the
/// plan of the URL, so that a foreign id is a 404 and never a change to another plan.
/// </summary>
public static class StructureParts
{
    /// <summary>The plan with its whole structure, tracked, for a change.</summary>
    public static Task<BasicPlan?> LoadAsync(AppDbContext db, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Plans
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments).ThenInclude(d => d.Department)
            .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
    }

    /// <summary>What the plan's yearly results refer to: those parts are never removed.</summary>
    public static async Task<RecordedResults> RecordedAsync(AppDbContext db, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var results = db.YearResults.Where(r => r.SubProject.Task.PlanId == planId);
        return new RecordedResults(
            (await results.Select(r => r.SubProjectId).ToListAsync(cancellationToken)).ToHashSet(),
            (await results.SelectMany(r => r.Indicators).Where(i => i.Input != null).Select(i => i.IndicatorId).ToListAsync(cancellationToken)).ToHashSet(),
            (await results.SelectMany(r => r.Milestones).Where(m => m.State != null || m.Note != null).Select(m => m.MilestoneId).ToListAsync(cancellationToken)).ToHashSet(),
            (await results.SelectMany(r => r.Budget).Where(b => b.Input != null).Select(b => b.BudgetLineId).ToListAsync(cancellationToken)).ToHashSet());
    }

    /// <summary>The part of this plan named by kind and id, or null.</summary>
    public static object? Find(BasicPlan plan, string kind, int entityId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var subs = plan.SubProjects.ToList();
        var items = subs.SelectMany(s => s.ActionItems).ToList();
        return kind switch
        {
            StructureKinds.Task => plan.Tasks.FirstOrDefault(t => t.Id == entityId),
            StructureKinds.SubProject => subs.FirstOrDefault(s => s.Id == entityId),
            StructureKinds.ActionItem => items.FirstOrDefault(a => a.Id == entityId),
            StructureKinds.Indicator => items.SelectMany(a => a.Indicators).FirstOrDefault(i => i.Id == entityId),
            StructureKinds.Milestone => items.SelectMany(a => a.Milestones).FirstOrDefault(m => m.Id == entityId),
            StructureKinds.BudgetLine => subs.SelectMany(s => s.BudgetLines).FirstOrDefault(b => b.Id == entityId),
            _ => null,
        };
    }

    /// <summary>Removes a part from its parent; the parent refuses when something hangs under it.</summary>
    public static void Remove(BasicPlan plan, object part)
    {
        ArgumentNullException.ThrowIfNull(plan);
        switch (part)
        {
            case StrategicTask task: plan.RemoveTask(task); break;
            case SubProject sub: sub.Task.RemoveSubProject(sub); break;
            case ActionItem item: item.SubProject.RemoveActionItem(item); break;
            case Indicator indicator: indicator.ActionItem.RemoveIndicator(indicator); break;
            case Milestone milestone: milestone.ActionItem.RemoveMilestone(milestone); break;
            case BudgetLine line: line.SubProject.RemoveBudgetLine(line); break;
            default: throw new ArgumentException($"Not a part of a plan's structure: {part.GetType().Name}", nameof(part));
        }
    }

    /// <summary>Moves a part one place up (−1) or down (+1) among its siblings; false at either end.</summary>
    public static bool Move(BasicPlan plan, object part, int delta)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return part switch
        {
            StrategicTask task => plan.MoveTask(task, delta),
            SubProject sub => sub.Task.MoveSubProject(sub, delta),
            ActionItem item => item.SubProject.MoveActionItem(item, delta),
            Indicator indicator => indicator.ActionItem.MoveIndicator(indicator, delta),
            Milestone milestone => milestone.ActionItem.MoveMilestone(milestone, delta),
            BudgetLine line => line.SubProject.MoveBudgetLine(line, delta),
            _ => throw new ArgumentException($"Not a part of a plan's structure: {part.GetType().Name}", nameof(part)),
        };
    }

    /// <summary>The sub-project a part belongs to, whose version the yearly tables editor carries.</summary>
    public static SubProject? SubProjectOf(object part) => part switch
    {
        SubProject sub => sub,
        ActionItem item => item.SubProject,
        Indicator indicator => indicator.ActionItem.SubProject,
        Milestone milestone => milestone.ActionItem.SubProject,
        BudgetLine line => line.SubProject,
        _ => null,
    };

    public static string Describe(object entity) => entity switch
    {
        StrategicTask task => $"추진과제 '{task.Number}. {task.Name}'",
        SubProject sub => $"세부사업 '{sub.Code} {sub.Name}'",
        ActionItem item => $"단위사업 '{item.Name}'",
        Indicator indicator => $"성과지표 '{indicator.Name}'",
        Milestone milestone => $"연도별 추진계획 행 '{milestone.Label ?? $"{milestone.SortOrder}번째 행"}'",
        BudgetLine line => $"예산 항목 '{line.Name}'",
        _ => entity.ToString() ?? string.Empty,
    };
}
