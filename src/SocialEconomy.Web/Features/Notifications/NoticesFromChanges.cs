using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// The notices a save's own changes call for, added to that save (SaveBookkeeping) so that a
/// step and the notices of it are committed or rolled back together, whichever page, workbook
/// or bulk action took the step: a review step of a year's results (제출 to the 주무부서;
/// 반려 with its reason, 확정 and 재개 to the sub-project's officers), a results period opened
/// or reopened (to the officers of every department leading a sub-project of the plan), a
/// member seated on a committee, a committee closed (its members and the 주무부서), a 환류
/// action assigned (the department's officers). The person who acted is not told of their own step.
/// </summary>
internal static class NoticesFromChanges
{
    public static async Task AddAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var batch = new NoticeBatch();
        var actor = db.Actor.UserId;
        await ReviewStepsAsync(db, batch, actor, nowUtc, cancellationToken);
        await PeriodsOpenedAsync(db, batch, actor, nowUtc, cancellationToken);
        await CommitteesAsync(db, batch, actor, nowUtc, cancellationToken);
        await FollowUpsAsync(db, batch, actor, nowUtc, cancellationToken);
        await batch.AddToAsync(db, cancellationToken);
    }

    private static async Task ReviewStepsAsync(AppDbContext db, NoticeBatch batch, string? actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<YearResult>()
            .SelectMany(r => r.Entity.Events.Where(e => db.Entry(e).State == EntityState.Added).Select(e => (Result: r.Entity, Event: e)))
            .ToList();
        foreach (var (result, step) in steps)
        {
            var subProject = await db.SubProjects.Where(s => s.Id == result.SubProjectId)
                .Select(s => new { s.Code, s.Name, s.LeadDepartmentId, s.Task.PlanId, s.Task.Plan.LocalGovernmentId })
                .FirstOrDefaultAsync(cancellationToken);
            if (subProject is null)
            {
                continue;
            }

            var what = $"{result.Year}년 {subProject.Code} {subProject.Name}";
            var target = new NoticeTarget(NoticePage.ResultEntry, subProject.PlanId, result.Year, subProject.Code);
            var key = $"{step.Step}:result:{result.SubProjectId}:{result.Year}:{step.AtUtc.Ticks}";
            if (step.Step == ResultStep.Submitted)
            {
                batch.Add(await Recipients.CoordinatorsAsync(db, subProject.LocalGovernmentId, cancellationToken), NoticeKind.Submitted,
                    $"{what} 실적이 제출되었습니다", "검토한 뒤 확정하거나 반려하세요.", target, key, nowUtc, actor);
                continue;
            }

            var officers = (await Recipients.OfficersAsync(db, [subProject.LeadDepartmentId], cancellationToken)).Select(o => o.Person);
            var (kind, title, body) = step.Step switch
            {
                ResultStep.Returned => (NoticeKind.Returned, $"{what} 실적이 반려되었습니다", $"반려 사유: {step.Comment}\n고쳐서 다시 제출하세요."),
                ResultStep.Confirmed => (NoticeKind.Confirmed, $"{what} 실적이 확정되었습니다", "확정된 실적은 잠겨 고칠 수 없습니다."),
                _ => (NoticeKind.Reopened, $"{what} 확정 실적이 재개되었습니다", $"재개 사유: {step.Comment}\n고친 뒤 다시 제출하세요."),
            };
            batch.Add(officers, kind, title, body, target, key, nowUtc, actor);
        }
    }

    private static async Task PeriodsOpenedAsync(AppDbContext db, NoticeBatch batch, string? actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var opened = db.ChangeTracker.Entries<ResultsPeriod>()
            .Where(p => p.Entity.IsOpen && (p.State == EntityState.Added
                || (p.State == EntityState.Modified && p.Property(x => x.IsOpen).OriginalValue is false)))
            .Select(p => p.Entity)
            .ToList();
        foreach (var period in opened)
        {
            var plan = await db.Plans.Where(p => p.Id == period.PlanId).Select(p => new { p.Title, p.LocalGovernmentId }).FirstOrDefaultAsync(cancellationToken);
            var departments = await db.SubProjects.Where(s => s.Task.PlanId == period.PlanId).Select(s => s.LeadDepartmentId).Distinct().ToListAsync(cancellationToken);
            if (plan is null || departments.Count == 0)
            {
                continue;
            }

            var officers = (await Recipients.OfficersAsync(db, departments, cancellationToken)).Select(o => o.Person);
            batch.Add(officers, NoticeKind.PeriodOpened,
                $"{period.Year}년 실적 입력이 시작되었습니다",
                $"{plan.Title}\n제출 기한: {Formats.Date(period.Deadline)}. 부서의 세부사업 실적을 입력하고 제출하세요.",
                new NoticeTarget(NoticePage.YearResults, period.PlanId, period.Year),
                $"PeriodOpened:{period.PlanId}:{period.Year}:{nowUtc.Ticks}", nowUtc, actor);
        }
    }

    private static async Task CommitteesAsync(AppDbContext db, NoticeBatch batch, string? actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        foreach (var seat in db.ChangeTracker.Entries<CommitteeSeat>().Where(s => s.State == EntityState.Added).Select(s => s.Entity).ToList())
        {
            var cycle = seat.Cycle;
            var title = await PlanTitleAsync(db, cycle.PlanId, cancellationToken);
            batch.Add(await Recipients.PeopleAsync(db, [seat.UserId], cancellationToken), NoticeKind.Seated,
                $"{cycle.Year}년 외부평가 평가위원으로 위촉되었습니다",
                $"{title}\n이해충돌 없음을 확인한 뒤 {Formats.Date(cycle.CommitteeBy)}까지 채점해 주세요.",
                new NoticeTarget(NoticePage.MemberScoring, cycle.PlanId, cycle.Year, CycleId: cycle.Id),
                $"Seated:{cycle.Id}:{nowUtc.Ticks}", nowUtc, actor);
        }

        var closed = db.ChangeTracker.Entries<EvaluationCycle>()
            .Where(c => c.State == EntityState.Modified && c.Entity.IsCommitteeClosed && c.Property(x => x.CommitteeClosedAtUtc).OriginalValue is null)
            .Select(c => c.Entity)
            .ToList();
        foreach (var cycle in closed)
        {
            var plan = await db.Plans.Where(p => p.Id == cycle.PlanId).Select(p => new { p.Title, p.LocalGovernmentId }).FirstAsync(cancellationToken);
            var key = $"CommitteeClosed:{cycle.Id}:{nowUtc.Ticks}";
            var title = $"{cycle.Year}년 평가위원회가 마감되었습니다";
            batch.Add(await Recipients.PeopleAsync(db, [.. cycle.Seats.Select(s => s.UserId)], cancellationToken), NoticeKind.CommitteeClosed, title,
                $"{plan.Title}\n제출한 채점표는 더 고칠 수 없습니다.", new NoticeTarget(NoticePage.MemberScoring, cycle.PlanId, cycle.Year, CycleId: cycle.Id), key, nowUtc, actor);
            batch.Add(await Recipients.CoordinatorsAsync(db, plan.LocalGovernmentId, cancellationToken), NoticeKind.CommitteeClosed, title,
                $"{plan.Title}\n외부평가 결과를 확인하고 환류 조치를 정하세요.", new NoticeTarget(NoticePage.Cycle, cycle.PlanId, cycle.Year, CycleId: cycle.Id), key, nowUtc, actor);
        }
    }

    private static async Task FollowUpsAsync(AppDbContext db, NoticeBatch batch, string? actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<FollowUpAction>().Where(a => a.State == EntityState.Added).Select(a => a.Entity).ToList();
        for (var i = 0; i < added.Count; i++)
        {
            var action = added[i];
            var officers = (await Recipients.OfficersAsync(db, [action.DepartmentId], cancellationToken)).Select(o => o.Person);
            batch.Add(officers, NoticeKind.FollowUpAssigned,
                $"{action.Year}년 평가의 환류 조치가 부서에 배정되었습니다",
                $"{action.Finding}\n조치 기한: {Formats.Date(action.DueDate)}",
                new NoticeTarget(NoticePage.FollowUps, action.PlanId, action.Year),
                $"FollowUpAssigned:{action.PlanId}:{action.Year}:{action.DepartmentId}:{nowUtc.Ticks}:{i}", nowUtc, actor);
        }
    }

    private static async Task<string> PlanTitleAsync(AppDbContext db, int planId, CancellationToken cancellationToken) =>
        await db.Plans.Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
}
