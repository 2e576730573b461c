using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Home;

/// <summary>One of the officer's sub-projects with this year's result: what it needs next.</summary>
public sealed record OfficerRow(string Code, string Name, string Role, ResultStatus Status, string StatusLabel, string UpdatedAt, bool Overdue, string Due);

/// <summary>
/// A 자체평가보고서 the officer's department writes for one of its sub-projects in a year's
/// evaluation whose self-evaluation is still being scored (docs/evaluations.md): written or
/// not, and by when (the calendar's 자체평가 date).
/// </summary>
public sealed record SelfReportRow(int CycleId, int Year, string? OtherPlan, string Code, string Name, string Role, bool Written, string State, string Due, bool Overdue)
{
    public string ActionText => Written ? "보고서 고치기" : "보고서 쓰기";
}

/// <summary>
/// 사업담당자: the sub-projects of the current plan's year that their departments lead or
/// share (<see cref="SubProject.IsLedOrSharedBy"/>, the rule of
/// <see cref="SubProjectAccess.CanWorkOn"/>), returned results
/// first, then those past the deadline, then the rest. Then the self-evaluation reports the
/// same departments owe: those not written first.
/// </summary>
public sealed record OfficerSection(CurrentYear Current, string Deadline, int? DaysLeft, IReadOnlyList<OfficerRow> Rows, IReadOnlyList<SelfReportRow> SelfReports)
{
    public int ReturnedCount => Rows.Count(r => r.Status == ResultStatus.Returned);

    public int OverdueCount => Rows.Count(r => r.Overdue);

    public int UnwrittenReports => SelfReports.Count(r => !r.Written);

    public static async Task<OfficerSection> BuildAsync(AppDbContext db, PlanSnapshots snapshots, ClaimsPrincipal user, CurrentYear current, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        var departments = SubProjectAccess.DepartmentIds(user);
        var year = current.Year;
        // The shared copies of the plan and the year's results (PlanSnapshots), which the
        // rates and the coordinator's section read too: every officer opens this page first.
        var plan = await snapshots.PlanAsync(db, current.PlanId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {current.PlanId} vanished.");
        var subs = plan.SubProjects
            .Where(s => s.Period.Contains(year) && s.IsLedOrSharedBy(departments))
            .Select(s => new { s.Id, s.Code, s.Name, Lead = departments.Contains(s.LeadDepartmentId) })
            .ToList();
        var results = await snapshots.YearResultsAsync(db, current.PlanId, year, cancellationToken);

        var period = current.ResultsPeriod;
        var open = period is { IsOpen: true };
        var pastDeadline = open && period!.IsOverdue(today);
        var rows = subs
            .Select(s =>
            {
                var result = results.GetValueOrDefault(s.Id);
                var status = result?.Status ?? ResultStatus.NotStarted;
                var done = status is ResultStatus.Submitted or ResultStatus.Confirmed;
                var late = pastDeadline && !done;
                var due = status switch
                {
                    ResultStatus.Confirmed => "확정됨",
                    ResultStatus.Submitted => "검토 대기",
                    ResultStatus.Returned => (open ? "반려: 고쳐서 다시 제출" : "반려: 기간이 열리면 다시 제출") + (result!.ReturnStep?.Comment is { Length: > 0 } reason ? $" (사유: {reason})" : string.Empty),
                    _ when late => "기한 지남: 바로 제출",
                    _ when open => $"{Formats.Date(period!.Deadline)}까지 제출",
                    _ => "실적 입력 기간 전",
                };
                return new OfficerRow(s.Code, s.Name, s.Lead ? "주관" : "협조", status, Formats.Status(status), result?.UpdatedAtUtc is { } at ? Formats.KoreanTime(at) : "-", late, due);
            })
            .OrderBy(r => r.Status == ResultStatus.Returned ? 0 : r.Overdue ? 1 : 2)
            .ToList();
        return new OfficerSection(current, CoordinatorSection.Deadline(period), open ? period!.Deadline.DayNumber - today.DayNumber : null, rows, await SelfReportsAsync(db, snapshots, departments, current.PlanId, today, cancellationToken));
    }

    /// <summary>
    /// The reports of every evaluation whose self-evaluation the T/F is still scoring (of any
    /// plan: the last year of a plan is evaluated after the next one has begun), for the
    /// sub-projects of that year the departments lead or share — whom
    /// <see cref="EvaluationAccess.CanWriteReport"/> lets write them. In review or locked,
    /// nobody writes a report any more.
    /// </summary>
    private static async Task<List<SelfReportRow>> SelfReportsAsync(AppDbContext db, PlanSnapshots snapshots, IReadOnlyCollection<int> departments, int currentPlanId, DateOnly today, CancellationToken cancellationToken)
    {
        var cycles = await db.EvaluationCycles.AsNoTracking()
            .Where(c => c.SelfStage == SelfStage.Scoring)
            .Select(c => new { c.Id, c.PlanId, c.Year, c.SelfReportsBy })
            .ToListAsync(cancellationToken);
        if (cycles.Count == 0)
        {
            return [];
        }

        // Each evaluated plan's shared copy (PlanSnapshots): its title, and its sub-projects in
        // the plan's order, kept to those the departments lead or share.
        var plans = new Dictionary<int, BasicPlan>();
        foreach (var planId in cycles.Select(c => c.PlanId).Distinct())
        {
            if (await snapshots.PlanAsync(db, planId, cancellationToken) is { } plan)
            {
                plans[planId] = plan;
            }
        }

        var cycleIds = cycles.Select(c => c.Id).ToList();
        var reports = await db.SelfEvaluations.AsNoTracking()
            .Where(e => cycleIds.Contains(e.CycleId) && e.Report != null)
            .Select(e => new { e.CycleId, e.SubProjectId, e.ReportAtUtc })
            .ToDictionaryAsync(e => (e.CycleId, e.SubProjectId), cancellationToken);

        return cycles
            .Where(c => plans.ContainsKey(c.PlanId))
            .OrderBy(c => c.Year).ThenBy(c => c.Id)
            .SelectMany(c => plans[c.PlanId].SubProjects
                .Where(s => s.Period.Contains(c.Year) && s.IsLedOrSharedBy(departments))
                .Select(s =>
                {
                    var report = reports.GetValueOrDefault((c.Id, s.Id));
                    var written = report is not null;
                    var overdue = !written && today > c.SelfReportsBy;
                    var daysLeft = c.SelfReportsBy.DayNumber - today.DayNumber;
                    var date = Formats.Date(c.SelfReportsBy);
                    var due = overdue ? $"{date} (기한 지남)"
                        : written || daysLeft < 0 ? date
                        : daysLeft == 0 ? $"{date} (오늘까지)"
                        : $"{date} ({daysLeft.ToString(Formats.Korean)}일 남음)";
                    return new SelfReportRow(
                        c.Id,
                        c.Year,
                        c.PlanId == currentPlanId ? null : plans[c.PlanId].Title,
                        s.Code,
                        s.Name,
                        departments.Contains(s.LeadDepartmentId) ? "주관" : "협조",
                        written,
                        report?.ReportAtUtc is { } at ? $"작성함 ({Formats.KoreanTime(at)})" : written ? "작성함" : "작성 전",
                        due,
                        overdue);
                }))
            .OrderBy(r => r.Written)
            .ThenByDescending(r => r.Overdue)
            .ToList();
    }
}
