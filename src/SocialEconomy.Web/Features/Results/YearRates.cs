using System.Security.Claims;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Results;

/// <summary>One sub-project's rates of a year as a reader sees them; Hidden when the reader may not see its result.</summary>
public sealed record SubProjectRollup(SubProject SubProject, ResultStatus Status, bool Hidden, Rollup Rollup);

public sealed record TaskRollup(StrategicTask Task, IReadOnlyList<SubProjectRollup> SubProjects, Rollup Rollup);

public sealed record PlanRollup(BasicPlan Plan, int Year, IReadOnlyList<TaskRollup> Tasks, Rollup Total);

/// <summary>
/// A year's achievement and execution rates per sub-project, task and plan, for one reader:
/// the rates page and the home dashboard both show these, so they cannot drift apart. The
/// maths is the domain's (<see cref="Achievement"/>); this only hides, per reader, what the
/// reader may not see. Callers pass the plan and results (the shared copies of
/// <see cref="PlanSnapshots"/>).
/// </summary>
public static class YearRates
{
    /// <summary>An amount in the plan's budget unit as the rates show it: one decimal place, ko-KR grouping.</summary>
    public static string Money(decimal amount) => Formats.Number(decimal.Round(amount, 1, MidpointRounding.AwayFromZero));

    /// <summary>
    /// One sub-project's rollup. A result the reader may not see (a draft of another
    /// department) is left out of every figure, planned amounts included, so that it cannot
    /// show as 0 % executed.
    /// </summary>
    public static SubProjectRollup ForSubProject(ClaimsPrincipal user, SubProject subProject, int year, YearResult? result, Unit budgetUnit, Func<Indicator, TargetValue> target)
    {
        var status = result?.Status ?? ResultStatus.NotStarted;
        if (result is not null && !ResultsAccess.CanRead(user, subProject, status))
        {
            return new SubProjectRollup(subProject, status, true, new Rollup(null, 0m, 0m, 0));
        }

        return new SubProjectRollup(subProject, status, false, Achievement.ForSubProject(subProject, year, result, budgetUnit, target));
    }

    /// <summary>Every running sub-project's, each task's and the plan's rollup of the year. The plan's achievement is the mean over its sub-projects, not over its tasks.</summary>
    public static PlanRollup ForPlan(ClaimsPrincipal user, BasicPlan plan, int year, IReadOnlyDictionary<int, YearResult> results, Func<Indicator, TargetValue> target)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tasks = plan.Tasks
            .Select(task =>
            {
                var subs = task.SubProjects
                    .Where(s => s.Period.Contains(year))
                    .Select(s => ForSubProject(user, s, year, results.GetValueOrDefault(s.Id), plan.BudgetUnit, target))
                    .ToList();
                return new TaskRollup(task, subs, Achievement.Combine(subs.Select(s => s.Rollup)));
            })
            .ToList();
        return new PlanRollup(plan, year, tasks, Achievement.Combine(tasks.SelectMany(t => t.SubProjects).Select(s => s.Rollup)));
    }
}
