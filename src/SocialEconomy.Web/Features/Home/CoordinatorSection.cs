using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Home;

/// <summary>
/// A year's evaluation as the coordinator follows it: stages and counts only. No member's
/// points are loaded here, closed or not (docs/evaluations.md: they are the member's alone
/// until the committee closes, and the result page shows them after).
/// </summary>
public sealed record EvaluationProgress(int CycleId, int Year, string SelfStage, int Seated, int Declared, int Submitted, bool Closed, string? NextDue, bool NextDueOverdue);

public sealed record CoordinatorSection(
    CurrentYear Current,
    string ResultsDeadline,
    bool ResultsOverdue,
    StatusChart Departments,
    RateChart Tasks,
    RateChart SubProjects,
    string PlanAchievement,
    string PlanExecution,
    string BudgetUnit,
    EvaluationProgress? Evaluation)
{
    public static async Task<CoordinatorSection> BuildAsync(AppDbContext db, PlanSnapshots snapshots, ClaimsPrincipal user, CurrentYear current, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var year = current.Year;
        var plan = await snapshots.PlanAsync(db, current.PlanId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {current.PlanId} vanished.");
        var results = await snapshots.YearResultsAsync(db, plan.Id, year, cancellationToken);
        var rates = YearRates.ForPlan(user, plan, year, results, i => i.TargetFor(year));
        var overdue = current.ResultsPeriod is { IsOpen: true } period && period.IsOverdue(today);

        return new CoordinatorSection(
            current,
            Deadline(current.ResultsPeriod),
            overdue,
            new StatusChart("chart-departments", year, DepartmentRows(plan, year, results, overdue)),
            TaskChart(rates),
            SubProjectChart(rates),
            Formats.Percent(rates.Total.Achievement),
            Formats.Percent(rates.Total.Execution),
            plan.BudgetUnit.Symbol,
            await EvaluationAsync(db, plan.Id, year, today, cancellationToken));
    }

    public static string Deadline(ResultsPeriod? period) => period switch
    {
        null => "실적 입력 기간이 열리지 않았습니다",
        { IsOpen: true } => $"{Formats.Date(period.Deadline)}까지",
        _ => $"{Formats.Date(period.Deadline)} (기간 닫힘)",
    };

    private static List<DepartmentStatusRow> DepartmentRows(BasicPlan plan, int year, IReadOnlyDictionary<int, YearResult> results, bool overdue)
    {
        var statuses = StatusChart.Statuses;
        return plan.SubProjects
            .Where(s => s.Period.Contains(year))
            .Select(s => (Department: s.LeadDepartment.Name, Status: results.TryGetValue(s.Id, out var r) ? r.Status : ResultStatus.NotStarted))
            .GroupBy(s => s.Department, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartmentStatusRow(
                g.Key,
                statuses.Select(status => g.Count(s => s.Status == status)).ToList(),
                g.Count(),
                overdue ? g.Count(s => s.Status is not (ResultStatus.Submitted or ResultStatus.Confirmed)) : 0))
            .ToList();
    }

    private static RateChart TaskChart(PlanRollup rates) => new(
        "chart-tasks",
        $"{rates.Year.ToString(Formats.Korean)}년 추진과제별 달성률·집행률",
        "추진과제",
        "bar",
        rates.Tasks.Select(t => RateChartRow.From($"과제 {t.Task.Number.ToString(Formats.Korean)}", $"{t.Task.Number.ToString(Formats.Korean)}. {t.Task.Name}", null, t.Rollup, YearRates.Money(t.Rollup.Planned), YearRates.Money(t.Rollup.Executed))).ToList(),
        [$"계획액({rates.Plan.BudgetUnit.Symbol})", $"집행액({rates.Plan.BudgetUnit.Symbol})"]);

    private static RateChart SubProjectChart(PlanRollup rates) => new(
        "chart-subprojects",
        $"{rates.Year.ToString(Formats.Korean)}년 세부사업별 달성률·집행률",
        "세부사업",
        "bar",
        rates.Tasks.SelectMany(t => t.SubProjects).Select(s => s.Hidden
            ? new RateChartRow(s.SubProject.Code, $"{s.SubProject.Code} {s.SubProject.Name}", null, null, null, ["확정 전(비공개)"])
            : RateChartRow.From(s.SubProject.Code, $"{s.SubProject.Code} {s.SubProject.Name}", new ResultLink(rates.Plan.Id, rates.Year, s.SubProject.Code), s.Rollup, Formats.Status(s.Status))).ToList(),
        ["실적 상태"],
        Horizontal: true);

    private static async Task<EvaluationProgress?> EvaluationAsync(AppDbContext db, int planId, int year, DateOnly today, CancellationToken cancellationToken)
    {
        // The year's evaluation, else the latest one of the plan. Seats only: never their scores.
        var cycle = await db.EvaluationCycles.AsNoTracking()
            .Include(c => c.Seats)
            .Where(c => c.PlanId == planId)
            .OrderByDescending(c => c.Year == year).ThenByDescending(c => c.Year)
            .FirstOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var next = EvaluationCalendarView.NextDue(cycle, today);
        var seats = cycle.Seats;
        return new EvaluationProgress(
            cycle.Id,
            cycle.Year,
            Formats.Stage(cycle.SelfStage),
            seats.Count,
            seats.Count(s => s.IsDeclared),
            seats.Count(s => s.IsSubmitted),
            cycle.IsCommitteeClosed,
            next?.Text,
            next?.Overdue ?? false);
    }
}
