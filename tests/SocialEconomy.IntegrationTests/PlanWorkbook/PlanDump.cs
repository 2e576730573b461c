using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;

namespace SocialEconomy.IntegrationTests.PlanWorkbook;

/// <summary>
/// Every field of every entity of a plan, one line each in plan order, without ids, status
/// and title: two plans are the same plan when their dumps are equal, and a difference
/// shows as the first unequal line.
/// </summary>
public static class PlanDump
{
    public static Task<List<string>> OfAsync(PortalFactory factory, int planId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            // A tracking query, so that every navigation between loaded rows is fixed up.
            var plan = await db.Plans.AsSplitQuery()
                .Include(p => p.OwningDepartment)
                .Include(p => p.Goals)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.LeadDepartment)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.SharingDepartments).ThenInclude(d => d.Department)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.BudgetLines).ThenInclude(b => b.Amounts)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Indicators).ThenInclude(i => i.Targets)
                .Include(p => p.Tasks).ThenInclude(t => t.SubProjects).ThenInclude(s => s.ActionItems).ThenInclude(a => a.Milestones).ThenInclude(m => m.Entries)
                .SingleAsync(p => p.Id == planId);
            return Lines(plan);
        });
    }

    public static List<string> Lines(BasicPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string>
        {
            Line("plan", plan.Subtitle, plan.Slogan, plan.District, plan.OwningDepartment.Name, plan.FirstYear, plan.LastYear, plan.Vision, plan.Purpose, plan.LegalBasis, plan.BudgetUnit.Symbol, plan.FinancialPlanNote),
        };
        lines.AddRange(plan.Goals.Select(g => Line("goal", g.Order, g.Text)));
        foreach (var task in plan.Tasks)
        {
            lines.Add(Line("task", task.Number, task.Name, task.ShortName));
            foreach (var sub in task.SubProjects)
            {
                var sharing = string.Join(",", sub.SharingDepartments.Select(s => s.Department.Name).Order(StringComparer.Ordinal));
                lines.Add(Line("sub", task.Number, sub.SortOrder, sub.Code, sub.Name, sub.LeadDepartment.Name, sub.StartYear, sub.EndYear, sub.Overview, sharing));
                lines.AddRange(sub.Directions.Select((d, i) => Line("direction", sub.Code, i, d)));
                foreach (var item in sub.ActionItems)
                {
                    lines.Add(Line("item", sub.Code, item.SortOrder, item.Name, item.Summary, item.StartYear, item.EndYear, item.TableUnitCaption));
                    lines.AddRange(item.Details.Select((d, i) => Line("detail", sub.Code, item.SortOrder, i, d)));
                    foreach (var indicator in item.Indicators)
                    {
                        lines.Add(Line("indicator", sub.Code, item.SortOrder, indicator.SortOrder, indicator.Group, indicator.Name, indicator.Unit.Symbol, indicator.Kind, indicator.TotalRule, indicator.TotalText));
                        lines.AddRange(indicator.Targets.Select(t => Line("target", sub.Code, item.SortOrder, indicator.SortOrder, t.Year, Number(t.Number), t.Text)));
                    }

                    foreach (var milestone in item.Milestones)
                    {
                        lines.Add(Line("milestone", sub.Code, item.SortOrder, milestone.SortOrder, milestone.Label));
                        lines.AddRange(milestone.Entries.Select(e => Line("entry", sub.Code, item.SortOrder, milestone.SortOrder, e.Year, e.Text)));
                    }
                }

                foreach (var line in sub.BudgetLines)
                {
                    lines.Add(Line("budget", sub.Code, line.SortOrder, line.Name, line.Unit.Symbol, line.IsNonBudget, line.ActionItem?.Name));
                    lines.AddRange(line.Amounts.Select(a => Line("amount", sub.Code, line.SortOrder, a.Year, Number(a.Amount))));
                }
            }
        }

        return lines;
    }

    /// <summary>57 and 57.0000 are the same amount.</summary>
    private static string? Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Line(string kind, params object?[] values) =>
        kind + "|" + string.Join("|", values.Select(v => v switch
        {
            null => "∅",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString()!.Replace("\n", "⏎", StringComparison.Ordinal),
        }));
}
