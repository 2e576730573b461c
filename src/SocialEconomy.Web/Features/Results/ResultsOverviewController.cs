using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Results;

/// <summary>
/// A year's results as a whole: the coordinating department's status board, and the
/// achievement and execution rates rolled up per sub-project, task and plan.
/// </summary>
[Route("results/{planId:int}/{year:int}")]
public sealed class ResultsOverviewController(AppDbContext db, PlanSnapshots snapshots, TimeProvider clock) : Controller
{
    [HttpGet("board")]
    [Authorize(Policy = Policies.ReviewResults)]
    public async Task<IActionResult> Board(int planId, int year, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return NotFound();
        }

        var period = await db.ResultsPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year, cancellationToken);
        var subs = await db.SubProjects.AsNoTracking()
            .Where(s => s.Task.PlanId == planId && s.StartYear <= year && s.EndYear >= year)
            .Select(s => new { s.Id, s.Code, s.Name, Department = s.LeadDepartment.Name, TaskNumber = s.Task.Number, s.SortOrder })
            .ToListAsync(cancellationToken);
        var results = await db.YearResults.AsNoTracking()
            .Where(r => r.Year == year && r.SubProject.Task.PlanId == planId)
            .Select(r => new { r.SubProjectId, r.Status, r.UpdatedAtUtc })
            .ToDictionaryAsync(r => r.SubProjectId, cancellationToken);
        var overdue = period is { IsOpen: true } && period.IsOverdue(Formats.KoreanToday(clock));
        var rows = subs
            .Select(s =>
            {
                var status = results.TryGetValue(s.Id, out var r) ? r.Status : ResultStatus.NotStarted;
                var late = overdue && status is not (ResultStatus.Submitted or ResultStatus.Confirmed);
                return new BoardRow(s.Department, s.Code, s.Name, status, Formats.Status(status), r?.UpdatedAtUtc is { } at ? Formats.KoreanTime(at) : "-", late);
            })
            .OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var counts = Enum.GetValues<ResultStatus>().Select(s => new StatusCount(Formats.Status(s), rows.Count(r => r.Status == s))).ToList();
        return View("Board", new BoardViewModel(plan.Id, plan.Title, year, period is null ? null : Formats.Date(period.Deadline), period is { IsOpen: true }, rows, counts, rows.Count(r => r.Overdue)));
    }

    [HttpGet("rates")]
    public async Task<IActionResult> Rates(int planId, int year, [FromQuery] string? basis, CancellationToken cancellationToken)
    {
        var plan = await snapshots.PlanAsync(db, planId, cancellationToken);
        if (plan is null || !plan.Period.Contains(year))
        {
            return NotFound();
        }

        var targetBasis = string.Equals(basis, "original", StringComparison.Ordinal) ? TargetBasis.Original : TargetBasis.Revised;
        var results = await snapshots.YearResultsAsync(db, planId, year, cancellationToken);
        var originals = targetBasis == TargetBasis.Original ? await OriginalTargetsAsync(planId, year, cancellationToken) : [];
        TargetValue Target(Indicator i) => originals.TryGetValue(i.Id, out var old) ? TargetValue.Parse(old, i.Unit) : i.TargetFor(year);

        var rates = YearRates.ForPlan(User, plan, year, results, Target);
        var tasks = rates.Tasks
            .Select(t => new TaskRates(
                t.Task.Number,
                t.Task.Name,
                t.SubProjects.Select(s => s.Hidden
                    ? new SubProjectRates(s.SubProject.Code, s.SubProject.Name, "확정 전(비공개)", "-", "-", "-", "-")
                    : new SubProjectRates(s.SubProject.Code, s.SubProject.Name, Formats.Status(s.Status), Formats.Percent(s.Rollup.Achievement), YearRates.Money(s.Rollup.Planned), YearRates.Money(s.Rollup.Executed), Formats.Percent(s.Rollup.Execution))).ToList(),
                Formats.Percent(t.Rollup.Achievement),
                YearRates.Money(t.Rollup.Planned),
                YearRates.Money(t.Rollup.Executed),
                Formats.Percent(t.Rollup.Execution)))
            .ToList();
        return View("Rates", new RatesViewModel(
            plan.Id,
            plan.Title,
            year,
            targetBasis,
            plan.BudgetUnit.Symbol,
            tasks,
            Formats.Percent(rates.Total.Achievement),
            YearRates.Money(rates.Total.Planned),
            YearRates.Money(rates.Total.Executed),
            Formats.Percent(rates.Total.Execution)));
    }

    /// <summary>The target before its first revision, per indicator of the plan's year (당초 목표).</summary>
    private async Task<Dictionary<int, string?>> OriginalTargetsAsync(int planId, int year, CancellationToken cancellationToken)
    {
        var revisions = await db.PlanRevisions.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Year == year && r.Subject == RevisionSubject.Target)
            .Select(r => new { r.SubjectId, r.OldValue, r.ChangedAtUtc, r.Id })
            .ToListAsync(cancellationToken);
        return revisions
            .GroupBy(r => r.SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ChangedAtUtc).ThenBy(r => r.Id).First().OldValue);
    }
}

public sealed record BoardRow(string Department, string Code, string Name, ResultStatus Status, string StatusLabel, string UpdatedAt, bool Overdue);

public sealed record StatusCount(string Label, int Count);

public sealed record BoardViewModel(int PlanId, string PlanTitle, int Year, string? Deadline, bool PeriodOpen, IReadOnlyList<BoardRow> Rows, IReadOnlyList<StatusCount> Counts, int OverdueCount);

public sealed record SubProjectRates(string Code, string Name, string Status, string Achievement, string Planned, string Executed, string Execution);

public sealed record TaskRates(int Number, string Name, IReadOnlyList<SubProjectRates> SubProjects, string Achievement, string Planned, string Executed, string Execution);

public sealed record RatesViewModel(int PlanId, string PlanTitle, int Year, TargetBasis Basis, string BudgetUnit, IReadOnlyList<TaskRates> Tasks, string Achievement, string Planned, string Executed, string Execution);
