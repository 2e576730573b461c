using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Home;

/// <summary>
/// A sub-project's achievement and execution over the plan's years, from the confirmed
/// results the reader may see (a draft or a submitted result is not a record yet); shown on
/// the sub-project page of the plan browser.
/// </summary>
public sealed class SubProjectTrendViewComponent(AppDbContext db, PlanSnapshots snapshots) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int planId, string code)
    {
        var cancellationToken = HttpContext.RequestAborted;
        // The shared copies the sub-project page and the rates already read (PlanSnapshots),
        // rather than loading the sub-project's tables and results a second time per view.
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        var sub = plan?.SubProjects.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));
        if (plan is null || sub is null)
        {
            return Content(string.Empty);
        }

        var unit = plan.BudgetUnit;
        var results = new Dictionary<int, YearResult>();
        foreach (var year in plan.Period.Years.Where(sub.Period.Contains))
        {
            if ((await snapshots.YearResultsAsync(db, planId, year, cancellationToken)).TryGetValue(sub.Id, out var result))
            {
                results[year] = result;
            }
        }

        var rows = plan.Period.Years
            .Where(sub.Period.Contains)
            .Select(year =>
            {
                var label = Formats.Year(year);
                var result = results.GetValueOrDefault(year);
                if (result is not { Status: ResultStatus.Confirmed } || !ResultsAccess.CanRead(UserClaimsPrincipal, sub, result.Status))
                {
                    return new RateChartRow(label, label, null, null, null, [result is null ? "실적 없음" : "확정 전", "-", "-"]);
                }

                var rollup = YearRates.ForSubProject(UserClaimsPrincipal, sub, year, result, unit, i => i.TargetFor(year)).Rollup;
                return RateChartRow.From(label, label, new ResultLink(planId, year, sub.Code), rollup, "확정", YearRates.Money(rollup.Planned), YearRates.Money(rollup.Executed));
            })
            .ToList();
        var chart = new RateChart(
            "chart-trend",
            $"{sub.Code} {sub.Name} 연도별 달성률·집행률(확정 실적)",
            "연도",
            "bar",
            rows,
            ["실적 상태", $"계획액({unit.Symbol})", $"집행액({unit.Symbol})"]);
        return View("_SubProjectTrend", chart);
    }
}
