using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Results;

/// <summary>Which target achievement is measured against: the adopted one as revised, or the original.</summary>
public enum TargetBasis
{
    Revised,
    Original,
}

/// <summary>One indicator's achievement in a year. Rate is as computed; Score is capped at 100 for rollups.</summary>
public sealed record IndicatorRate(Indicator Indicator, TargetValue Target, IndicatorResult? Result, decimal? Rate)
{
    public decimal? Score => Rate is { } rate ? Math.Min(rate, 100m) : null;
}

/// <summary>A sub-project's, task's or plan's rates of a year; null where nothing can be rated.</summary>
public sealed record Rollup(decimal? Achievement, decimal Planned, decimal Executed, int RatedIndicators)
{
    public decimal? Execution => Planned > 0 ? Results.Achievement.Round(Executed / Planned * 100m) : null;
}

/// <summary>
/// The achievement and execution rules (docs/results.md), in one place:
/// <list type="bullet">
/// <item>numeric target, 상향: actual ÷ target × 100; 하향: target ÷ actual × 100 (an actual of 0 meets it);
/// a target of 0 is met by any actual (상향) or by 0 (하향);</item>
/// <item>text target: 달성 100, 일부달성 50, 미달성 0, as the officer judges;</item>
/// <item>a sub-project's achievement is the mean of its indicators' rates, each capped at 100 so
/// that one overshoot cannot hide a miss; a task's and the plan's are the mean of their
/// sub-projects' (each sub-project weighs the same);</item>
/// <item>execution is executed ÷ planned × 100 over the lines with a plan that year, summed in
/// the plan's budget unit; 비예산 lines are left out.</item>
/// </list>
/// Rates are rounded to one decimal place.
/// </summary>
public static class Achievement
{
    public static decimal? Rate(TargetValue target, IndicatorResult? result, IndicatorDirection direction)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.IsEmpty || result is null || result.Problem is not null)
        {
            return null;
        }

        if (target.Number is not { } goal)
        {
            return result.Judgement switch
            {
                Judgement.Achieved => 100m,
                Judgement.PartlyAchieved => 50m,
                Judgement.NotAchieved => 0m,
                _ => null,
            };
        }

        if (result.ActualNumber is not { } actual)
        {
            return null;
        }

        return Round(direction switch
        {
            IndicatorDirection.Decrease when actual <= 0 => 100m,
            IndicatorDirection.Decrease when goal <= 0 => 0m,
            IndicatorDirection.Decrease => goal / actual * 100m,
            _ when goal <= 0 => 100m,
            _ => actual / goal * 100m,
        });
    }

    /// <summary>The rates of every indicator of the sub-project that runs in the year.</summary>
    public static IReadOnlyList<IndicatorRate> Indicators(SubProject subProject, int year, YearResult? result, Func<Indicator, TargetValue> target)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        ArgumentNullException.ThrowIfNull(target);
        return subProject.ActionItems
            .Where(a => a.Years.Contains(year))
            .SelectMany(a => a.Indicators)
            .Select(i =>
            {
                var goal = target(i);
                var actual = result?.For(i);
                return new IndicatorRate(i, goal, actual, Rate(goal, actual, i.Direction));
            })
            .ToList();
    }

    public static Rollup ForSubProject(SubProject subProject, int year, YearResult? result, Unit budgetUnit, Func<Indicator, TargetValue> target)
    {
        ArgumentNullException.ThrowIfNull(subProject);
        ArgumentNullException.ThrowIfNull(budgetUnit);
        var scores = Indicators(subProject, year, result, target).Select(r => r.Score).OfType<decimal>().ToList();
        var lines = subProject.BudgetLines.Where(l => !l.IsNonBudget && l.Amounts.Any(a => a.Year == year)).ToList();
        var planned = lines.Sum(l => l.AmountFor(year, budgetUnit));
        var executed = lines.Sum(l => result?.For(l)?.Executed is { } spent ? l.Unit.ConvertTo(spent, budgetUnit) : 0m);
        return new Rollup(scores.Count > 0 ? Round(scores.Average()) : null, planned, executed, scores.Count);
    }

    /// <summary>A task's or the plan's rollup from its sub-projects' rollups.</summary>
    public static Rollup Combine(IEnumerable<Rollup> parts)
    {
        var list = parts.ToList();
        var rated = list.Where(p => p.Achievement is not null).Select(p => p.Achievement!.Value).ToList();
        return new Rollup(rated.Count > 0 ? Round(rated.Average()) : null, list.Sum(p => p.Planned), list.Sum(p => p.Executed), list.Sum(p => p.RatedIndicators));
    }

    internal static decimal Round(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);
}
