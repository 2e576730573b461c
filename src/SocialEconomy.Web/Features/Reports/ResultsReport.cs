using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Reports;

/// <summary>
/// 실적 및 자체평가 보고서: one year's results against the targets (achievement and execution
/// rates, milestone states, the departments' narratives) and the T/F's scores and comments.
/// The reader sees what the results and evaluation pages would show them, nothing more; the
/// report is a draft (초안) until every result is confirmed and the self-evaluation is locked.
/// </summary>
public static class ResultsReport
{
    public static async Task<ResultsReportViewModel> BuildAsync(AppDbContext db, BasicPlan plan, int year, ClaimsPrincipal user, ReportHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(header);
        var results = await db.YearResults.AsNoTracking()
            .Include(r => r.Indicators).Include(r => r.Budget).Include(r => r.Milestones)
            .Where(r => r.Year == year && r.SubProject.Task.PlanId == plan.Id)
            .AsSplitQuery()
            .ToDictionaryAsync(r => r.SubProjectId, cancellationToken);
        var cycle = await db.EvaluationCycles.AsNoTracking()
            .Include(c => c.SelfFramework).ThenInclude(f => f.Items)
            .FirstOrDefaultAsync(c => c.PlanId == plan.Id && c.Year == year, cancellationToken);
        var evaluations = cycle is null
            ? []
            : await db.SelfEvaluations.AsNoTracking().Include(e => e.Scores)
                .Where(e => e.CycleId == cycle.Id)
                .ToDictionaryAsync(e => e.SubProjectId, cancellationToken);

        var unit = plan.BudgetUnit;
        var running = plan.SubProjects.Where(s => s.Period.Contains(year)).ToList();
        var subProjects = new List<ResultsSubProject>();
        var visibleRollups = new List<Rollup>();
        foreach (var sub in running)
        {
            results.TryGetValue(sub.Id, out var result);
            var status = result?.Status ?? ResultStatus.NotStarted;
            var hidden = result is not null && !ResultsAccess.CanRead(user, sub, status);
            var shown = hidden ? null : result;
            var rollup = Achievement.ForSubProject(sub, year, shown, unit, i => i.TargetFor(year));
            if (!hidden)
            {
                visibleRollups.Add(rollup);
            }

            evaluations.TryGetValue(sub.Id, out var evaluation);
            subProjects.Add(new ResultsSubProject(
                sub.Code,
                sub.Name,
                sub.LeadDepartment.Name,
                hidden ? "확정 전(비공개)" : Formats.Status(status),
                hidden,
                hidden ? [] : Indicators(sub, year, shown),
                hidden ? [] : Milestones(sub, year, shown),
                hidden ? [] : Budget(sub, year, shown),
                hidden ? Hidden() : Figures(rollup, unit),
                shown?.Achievements,
                shown?.Problems,
                shown?.Improvements,
                cycle is null ? null : Self(cycle, sub, evaluation, user)));
        }

        var summary = subProjects.Select(s => new ResultsSummaryRow(
                s.Code,
                s.Name,
                s.Department,
                s.Status,
                s.ResultsHidden,
                s.Figures,
                s.Self is null ? new Figure("-", null) : s.Self.Hidden ? new Figure("비공개", null) : s.Self.Total))
            .ToList();
        var items = cycle?.SelfFramework.Items ?? [];
        var scored = evaluations.Values.Where(e => e.IsScored(items)).Select(e => e.Total).ToList();
        var mean = cycle is not null && scored.Count > 0 && (EvaluationAccess.CanRun(user) || cycle.SelfStage == SelfStage.Locked)
            ? decimal.Round(scored.Average(), 2, MidpointRounding.AwayFromZero)
            : (decimal?)null;

        var unconfirmed = running.Count(s => !results.TryGetValue(s.Id, out var r) || r.Status != ResultStatus.Confirmed);
        var reasons = new List<string>();
        if (unconfirmed > 0)
        {
            reasons.Add($"확정되지 않은 실적 {unconfirmed.ToString(Formats.Korean)}건");
        }

        if (cycle is not { SelfStage: SelfStage.Locked })
        {
            reasons.Add(cycle is null ? "자체평가 시작 전" : "자체평가 잠금 전");
        }

        return new ResultsReportViewModel(
            reasons.Count == 0 ? header : header with { IsDraft = true, DraftReason = string.Join(", ", header.DraftReason is null ? reasons : reasons.Prepend(header.DraftReason)) },
            plan.Id,
            year,
            unit.Symbol,
            summary,
            Figures(Achievement.Combine(visibleRollups), unit),
            mean is { } m ? Formats.Points(m) : "-",
            cycle is null ? "-" : Formats.Points(cycle.SelfFramework.BasePoints),
            cycle is null ? "시작 전" : Formats.Stage(cycle.SelfStage),
            cycle?.SelfStage == SelfStage.Locked ? cycle.ReviewNote : null,
            subProjects);
    }

    private static Figure None() => new("-", null);

    private static ResultsFigures Figures(Rollup rollup, Unit unit) => new(
        new Figure(Formats.Percent(rollup.Achievement), rollup.Achievement),
        Money(rollup.Planned, unit),
        Money(rollup.Executed, unit),
        new Figure(Formats.Percent(rollup.Execution), rollup.Execution));

    private static ResultsFigures Hidden() => new(None(), None(), None(), None());

    private static Figure Money(decimal amount, Unit unit)
    {
        var rounded = decimal.Round(amount, 1, MidpointRounding.AwayFromZero);
        return new Figure($"{Formats.Number(rounded)} {unit.Symbol}", rounded);
    }

    private static List<ResultIndicatorLine> Indicators(SubProject sub, int year, YearResult? result) =>
        sub.ActionItems.Where(a => a.Years.Contains(year))
            .SelectMany(item => item.Indicators.Select(indicator =>
            {
                var target = indicator.TargetFor(year);
                var saved = result?.For(indicator);
                var rate = Achievement.Rate(target, saved, indicator.Direction);
                return new ResultIndicatorLine(
                    item.Name,
                    indicator.Name,
                    indicator.Unit.Symbol,
                    target.IsEmpty ? "-" : target.Format(Formats.Korean),
                    saved?.Input ?? (saved?.Judgement is { } j ? Formats.Judgement(j) : "-"),
                    new Figure(Formats.Percent(rate), rate));
            }))
            .ToList();

    private static List<ResultMilestoneLine> Milestones(SubProject sub, int year, YearResult? result) =>
        sub.ActionItems.Where(a => a.Years.Contains(year))
            .SelectMany(item => item.Milestones.Where(m => m.TextFor(year) is not null).Select(m =>
            {
                var progress = result?.For(m);
                return new ResultMilestoneLine(item.Name, m.Label ?? "추진일정", m.TextFor(year)!, progress?.State is { } state ? Formats.State(state) : "미입력", progress?.Note);
            }))
            .ToList();

    private static List<ResultBudgetLine> Budget(SubProject sub, int year, YearResult? result) =>
        sub.BudgetLines.Where(l => !l.IsNonBudget && l.Amounts.Any(a => a.Year == year))
            .Select(line =>
            {
                var planned = line.AmountFor(year, line.Unit);
                var executed = result?.For(line)?.Executed;
                var rate = planned > 0 && executed is { } spent ? decimal.Round(spent / planned * 100m, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
                return new ResultBudgetLine(
                    line.Name,
                    line.Unit.Symbol,
                    new Figure(Formats.Number(planned), planned),
                    new Figure(executed is { } e ? Formats.Number(e) : "-", executed),
                    new Figure(Formats.Percent(rate), rate));
            })
            .ToList();

    private static SelfSection Self(EvaluationCycle cycle, SubProject sub, SelfEvaluation? evaluation, ClaimsPrincipal user)
    {
        var max = Formats.Points(cycle.SelfFramework.BasePoints);
        if (!EvaluationAccess.CanReadSelf(user, sub, cycle.SelfStage))
        {
            return new SelfSection(true, null, [], new Figure("비공개", null), max);
        }

        var scores = cycle.SelfFramework.Items.Select(item =>
        {
            var score = evaluation?.ScoreFor(item.Id);
            return new SelfScoreLine(
                item.Area,
                $"{item.Name} · {item.Indicator}",
                new Figure(Formats.Points(item.MaxPoints), item.MaxPoints),
                new Figure(Formats.Points(score?.Points), score?.Points),
                score?.Comment);
        }).ToList();
        var total = evaluation is not null && evaluation.IsScored(cycle.SelfFramework.Items) ? evaluation.Total : (decimal?)null;
        return new SelfSection(false, evaluation?.Report, scores, new Figure(Formats.Points(total), total), max);
    }
}
