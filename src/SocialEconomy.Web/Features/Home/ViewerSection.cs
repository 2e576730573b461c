using System.Security.Claims;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Home;

/// <summary>
/// 열람자: the plan and the year's rates from confirmed results only. A viewer may not read a
/// result before it is confirmed, so <see cref="YearRates"/> leaves the others out for them.
/// </summary>
public sealed record ViewerSection(CurrentYear Current, int Confirmed, int Running, string PlanAchievement, string PlanExecution, RateChart Tasks)
{
    public static async Task<ViewerSection> BuildAsync(AppDbContext db, PlanSnapshots snapshots, ClaimsPrincipal user, CurrentYear current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var year = current.Year;
        var plan = await snapshots.PlanAsync(db, current.PlanId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {current.PlanId} vanished.");
        var results = await snapshots.YearResultsAsync(db, plan.Id, year, cancellationToken);
        var rates = YearRates.ForPlan(user, plan, year, results, i => i.TargetFor(year));
        var subs = rates.Tasks.SelectMany(t => t.SubProjects).ToList();
        var chart = new RateChart(
            "chart-tasks",
            $"{year.ToString(Formats.Korean)}년 추진과제별 달성률·집행률(확정 실적)",
            "추진과제",
            "bar",
            rates.Tasks.Select(t => RateChartRow.From($"과제 {t.Task.Number.ToString(Formats.Korean)}", $"{t.Task.Number.ToString(Formats.Korean)}. {t.Task.Name}", null, t.Rollup)).ToList(),
            []);
        return new ViewerSection(current, subs.Count(s => !s.Hidden && s.Status == ResultStatus.Confirmed), subs.Count, Formats.Percent(rates.Total.Achievement), Formats.Percent(rates.Total.Execution), chart);
    }
}
