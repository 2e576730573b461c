using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Home;

/// <summary>One of the officer's sub-projects with this year's result: what it needs next.</summary>
public sealed record OfficerRow(string Code, string Name, string Role, ResultStatus Status, string StatusLabel, string UpdatedAt, bool Overdue, string Due);

/// <summary>
/// 사업담당자: the sub-projects of the current plan's year that their departments lead or
/// share (the rule of <see cref="SubProjectAccess.CanWorkOn"/>, as a query), returned results
/// first, then those past the deadline, then the rest.
/// </summary>
public sealed record OfficerSection(CurrentYear Current, string Deadline, int? DaysLeft, IReadOnlyList<OfficerRow> Rows)
{
    public int ReturnedCount => Rows.Count(r => r.Status == ResultStatus.Returned);

    public int OverdueCount => Rows.Count(r => r.Overdue);

    public static async Task<OfficerSection> BuildAsync(AppDbContext db, ClaimsPrincipal user, CurrentYear current, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        var departments = SubProjectAccess.DepartmentIds(user);
        var year = current.Year;
        var subs = await db.SubProjects.AsNoTracking()
            .Where(s => s.Task.PlanId == current.PlanId && s.StartYear <= year && s.EndYear >= year)
            .Where(s => departments.Contains(s.LeadDepartmentId) || s.SharingDepartments.Any(d => departments.Contains(d.DepartmentId)))
            .OrderBy(s => s.Task.Number).ThenBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Code, s.Name, Lead = departments.Contains(s.LeadDepartmentId) })
            .ToListAsync(cancellationToken);
        var ids = subs.Select(s => s.Id).ToList();
        var results = await db.YearResults.AsNoTracking()
            .Where(r => r.Year == year && ids.Contains(r.SubProjectId))
            .Select(r => new { r.SubProjectId, r.Status, r.UpdatedAtUtc })
            .ToDictionaryAsync(r => r.SubProjectId, cancellationToken);

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
                    ResultStatus.Returned => open ? "반려: 고쳐서 다시 제출" : "반려: 기간이 열리면 다시 제출",
                    _ when late => "기한 지남: 바로 제출",
                    _ when open => $"{Formats.Date(period!.Deadline)}까지 제출",
                    _ => "실적 입력 기간 전",
                };
                return new OfficerRow(s.Code, s.Name, s.Lead ? "주관" : "협조", status, Formats.Status(status), result?.UpdatedAtUtc is { } at ? Formats.KoreanTime(at) : "-", late, due);
            })
            .OrderBy(r => r.Status == ResultStatus.Returned ? 0 : r.Overdue ? 1 : 2)
            .ToList();
        return new OfficerSection(current, CoordinatorSection.Deadline(period), open ? period!.Deadline.DayNumber - today.DayNumber : null, rows);
    }
}
