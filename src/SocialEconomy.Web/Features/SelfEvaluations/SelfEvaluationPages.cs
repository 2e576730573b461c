using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Evaluations;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.SelfEvaluations;

/// <summary>
/// Loads a sub-project's self-evaluation with what the T/F judges it by: the year's
/// results (confirmed ones give the achievement rate the bands turn into a proposal),
/// the department's report, and last year's follow-up actions for 평가결과 반영.
/// </summary>
public sealed class SelfEvaluationPages(AppDbContext db, ResultEntry results)
{
    public sealed record Loaded(EvaluationCycle Cycle, ResultEntry.Loaded Results, SelfEvaluation? Evaluation)
    {
        public SubProject SubProject => Results.SubProject;

        /// <summary>Only confirmed results are a record the T/F can score against.</summary>
        public decimal? AchievementRate =>
            Results.Result is { Status: ResultStatus.Confirmed } confirmed
                ? Achievement.ForSubProject(SubProject, Cycle.Year, confirmed, Results.Plan.BudgetUnit, i => i.TargetFor(Cycle.Year)).Achievement
                : null;
    }

    public async Task<Loaded?> LoadAsync(int cycleId, string code, CancellationToken cancellationToken)
    {
        var cycle = await db.CycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var loaded = await results.LoadAsync(cycle.PlanId, cycle.Year, code, cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var evaluation = await db.SelfEvaluations.Include(e => e.Scores)
            .FirstOrDefaultAsync(e => e.CycleId == cycle.Id && e.SubProjectId == loaded.SubProject.Id, cancellationToken);
        return new Loaded(cycle, loaded, evaluation);
    }

    public async Task<SelfPageViewModel> PageAsync(Loaded loaded, ClaimsPrincipal user, SelfScoresEditModel? typed, IReadOnlyDictionary<int, string>? problems, CancellationToken cancellationToken)
    {
        var (cycle, entry, evaluation) = loaded;
        var sub = loaded.SubProject;
        var year = cycle.Year;
        var result = entry.Result;
        var canReadResults = result is not null && ResultsAccess.CanRead(user, sub, result.Status);
        var rollup = canReadResults ? Achievement.ForSubProject(sub, year, result, entry.Plan.BudgetUnit, i => i.TargetFor(year)) : null;
        var indicators = canReadResults
            ? Achievement.Indicators(sub, year, result, i => i.TargetFor(year))
                .Select(r => new IndicatorLine(r.Indicator.Name, r.Indicator.Unit.Symbol, r.Target.IsEmpty ? "-" : r.Target.Format(Formats.Korean), r.Result?.Input ?? (r.Result?.Judgement is { } j ? Formats.Judgement(j) : "-"), Formats.Percent(r.Rate)))
                .ToList()
            : [];
        var proposed = cycle.SelfFramework.ProposedPoints(loaded.AchievementRate);
        var scores = cycle.SelfFramework.Items.Select(item =>
        {
            var saved = evaluation?.ScoreFor(item.Id);
            var typedInput = typed?.Scores.GetValueOrDefault(item.Id);
            return new ScoreLine(
                item,
                saved?.Points,
                saved?.Comment,
                item.Role == ItemRole.Achievement ? proposed : null,
                saved?.OverrideReason,
                problems?.GetValueOrDefault(item.Id),
                typedInput ?? new ScoreInputModel { Points = Formats.PointsInput(saved?.Points), Comment = saved?.Comment, Reason = saved?.OverrideReason });
        }).ToList();
        var followUps = await FollowUpsAsync(cycle, sub, cancellationToken);
        var canRun = EvaluationAccess.CanRun(user);
        return new SelfPageViewModel(
            cycle.Id,
            cycle.PlanId,
            year,
            entry.Plan.Title,
            sub.Code,
            sub.Name,
            sub.LeadDepartment.Name,
            Formats.Stage(cycle.SelfStage),
            cycle.SelfStage == SelfStage.Scoring && EvaluationAccess.CanWriteReport(user, sub),
            cycle.SelfStage == SelfStage.Scoring && canRun,
            Formats.Status(result?.Status ?? ResultStatus.NotStarted),
            result?.Status == ResultStatus.Confirmed,
            Formats.Percent(rollup?.Achievement),
            Formats.Percent(rollup?.Execution),
            entry.Plan.BudgetUnit.Symbol,
            indicators,
            canReadResults ? result!.Achievements : null,
            canReadResults ? result!.Problems : null,
            canReadResults ? result!.Improvements : null,
            evaluation?.Report,
            evaluation?.ReportBy,
            scores,
            Formats.Points(evaluation?.Total),
            Formats.Points(cycle.SelfFramework.BasePoints),
            evaluation?.ScoredBy,
            followUps,
            typed?.Version ?? evaluation?.Version);
    }

    /// <summary>Last year's actions for this sub-project or its departments: what 평가결과의 차기계획 반영 is scored against.</summary>
    private async Task<IReadOnlyList<FollowUpLine>> FollowUpsAsync(EvaluationCycle cycle, SubProject sub, CancellationToken cancellationToken)
    {
        var departments = sub.SharingDepartments.Select(s => s.DepartmentId).Append(sub.LeadDepartmentId).ToList();
        var actions = await db.FollowUpActions.AsNoTracking()
            .Where(a => a.PlanId == cycle.PlanId && a.Year == cycle.Year - 1 && (a.SubProjectId == sub.Id || a.SubProjectId == null && departments.Contains(a.DepartmentId)))
            .OrderBy(a => a.DueDate)
            .ToListAsync(cancellationToken);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return actions.Select(a => new FollowUpLine(a.Id, Formats.Source(a.Source), a.Year, a.Finding, names.GetValueOrDefault(a.DepartmentId, "-"), Formats.Date(a.DueDate), a.IsDone ? "조치 완료" : "조치 중", a.Outcome)).ToList();
    }
}
