using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// One day's reminders, for every government: a week before a deadline, the day before (or
/// on the day), and once it has passed. Results periods remind the officers of the sub-projects
/// not yet submitted, the 자체평가 reminds the 주무부서 while the T/F scores, the committee
/// reminds the members who have not submitted their sheets, and an open 환류 action reminds its
/// department's officers. A reminder's key names its deadline and stage, so each person gets
/// it once however often this runs and across restarts; a run that missed a day (the server was
/// down) sends the stage reached, not the ones skipped.
/// </summary>
public sealed partial class ReminderRun(AppDbContext db, TimeProvider clock, ILogger<ReminderRun> logger)
{
    /// <summary>Makes and queues the day's reminders; how many notices were new.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new NoticeBatch();
        await ResultsPeriodsAsync(batch, today, now, cancellationToken);
        await EvaluationsAsync(batch, today, now, cancellationToken);
        await FollowUpsAsync(batch, today, now, cancellationToken);
        var added = await batch.AddToAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogRun(logger, today, added);
        return added;
    }

    /// <summary>D-7, D-1 (also the day itself) and overdue; null before a week out.</summary>
    internal static (string Stage, string Words)? StageOf(DateOnly deadline, DateOnly today) => (deadline.DayNumber - today.DayNumber) switch
    {
        < 0 => ("overdue", "기한이 지났습니다"),
        0 => ("D-1", "오늘이 기한입니다"),
        1 => ("D-1", "내일이 기한입니다"),
        <= 7 => ("D-7", $"기한이 {deadline.DayNumber - today.DayNumber}일 남았습니다"),
        _ => null,
    };

    private static NoticeKind ResultKind(string stage) => stage switch
    {
        "overdue" => NoticeKind.DeadlinePassed,
        "D-1" => NoticeKind.DeadlineTomorrow,
        _ => NoticeKind.DeadlineInWeek,
    };

    private async Task ResultsPeriodsAsync(NoticeBatch batch, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var period in await db.ResultsPeriods.Where(p => p.IsOpen).ToListAsync(cancellationToken))
        {
            if (StageOf(period.Deadline, today) is not { } stage)
            {
                continue;
            }

            // The sub-projects of the year with nothing submitted or confirmed yet.
            var open = await db.SubProjects
                .Where(s => s.Task.PlanId == period.PlanId && s.StartYear <= period.Year && s.EndYear >= period.Year)
                .Where(s => !db.YearResults.Any(r => r.SubProjectId == s.Id && r.Year == period.Year && (r.Status == ResultStatus.Submitted || r.Status == ResultStatus.Confirmed)))
                .Select(s => new { s.Code, s.Name, s.LeadDepartmentId })
                .ToListAsync(cancellationToken);
            if (open.Count == 0)
            {
                continue;
            }

            var kind = ResultKind(stage.Stage);
            var target = new NoticeTarget(NoticePage.YearResults, period.PlanId, period.Year);
            var key = $"{kind}:period:{period.Id}:{Formats.Date(period.Deadline)}";
            foreach (var officer in (await Recipients.OfficersAsync(db, [.. open.Select(s => s.LeadDepartmentId).Distinct()], cancellationToken)).GroupBy(o => o.Person))
            {
                var departments = officer.Select(o => o.DepartmentId).ToHashSet();
                var theirs = open.Where(s => departments.Contains(s.LeadDepartmentId)).Select(s => $"{s.Code} {s.Name}").ToList();
                batch.Add([officer.Key], kind, $"{period.Year}년 실적 제출: {stage.Words} ({Formats.Date(period.Deadline)})",
                    $"아직 제출하지 않은 세부사업 {theirs.Count}개: {string.Join(", ", theirs)}", target, key, now);
            }
        }
    }

    private async Task EvaluationsAsync(NoticeBatch batch, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var cycles = await db.EvaluationCycles.Include(c => c.Seats).Where(c => c.SelfStage != SelfStage.Locked || c.CommitteeClosedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var cycle in cycles)
        {
            var plan = await db.Plans.Where(p => p.Id == cycle.PlanId).Select(p => new { p.Title, p.LocalGovernmentId }).FirstOrDefaultAsync(cancellationToken);
            if (plan is null)
            {
                continue;
            }

            if (cycle.SelfStage != SelfStage.Locked && StageOf(cycle.SelfReportsBy, today) is { } self)
            {
                batch.Add(await Recipients.CoordinatorsAsync(db, plan.LocalGovernmentId, cancellationToken), NoticeKind.SelfReportsDue,
                    $"{cycle.Year}년 자체평가 보고서: {self.Words} ({Formats.Date(cycle.SelfReportsBy)})",
                    $"{plan.Title}\n자체평가 T/F의 채점을 마치고 자체평가를 잠그세요.",
                    new NoticeTarget(NoticePage.SelfEvaluations, cycle.PlanId, cycle.Year, CycleId: cycle.Id),
                    $"SelfReportsDue:{cycle.Id}:{self.Stage}:{Formats.Date(cycle.SelfReportsBy)}", now);
            }

            var waiting = cycle.Seats.Where(s => !s.IsSubmitted).Select(s => s.UserId).ToList();
            if (!cycle.IsCommitteeClosed && waiting.Count > 0 && StageOf(cycle.CommitteeBy, today) is { } committee)
            {
                batch.Add(await Recipients.PeopleAsync(db, waiting, cancellationToken), NoticeKind.ScoringDue,
                    $"{cycle.Year}년 외부평가 채점: {committee.Words} ({Formats.Date(cycle.CommitteeBy)})",
                    $"{plan.Title}\n이해충돌 없음을 확인하고 채점표를 제출해 주세요.",
                    new NoticeTarget(NoticePage.MemberScoring, cycle.PlanId, cycle.Year, CycleId: cycle.Id),
                    $"ScoringDue:{cycle.Id}:{committee.Stage}:{Formats.Date(cycle.CommitteeBy)}", now);
            }
        }
    }

    private async Task FollowUpsAsync(NoticeBatch batch, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(7);
        foreach (var action in await db.FollowUpActions.Where(a => !a.IsDone && a.DueDate <= horizon).ToListAsync(cancellationToken))
        {
            if (StageOf(action.DueDate, today) is not { } stage)
            {
                continue;
            }

            batch.Add((await Recipients.OfficersAsync(db, [action.DepartmentId], cancellationToken)).Select(o => o.Person), NoticeKind.FollowUpDue,
                $"환류 조치: {stage.Words} ({Formats.Date(action.DueDate)})",
                action.Finding,
                new NoticeTarget(NoticePage.FollowUps, action.PlanId, action.Year),
                $"FollowUpDue:{action.Id}:{stage.Stage}:{Formats.Date(action.DueDate)}", now);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders for {Today}: {Added} new notices")]
    private static partial void LogRun(ILogger logger, DateOnly today, int added);
}
