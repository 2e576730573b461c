using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Planning;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.PlanRevisions;

/// <summary>The filter of a 신구대비표: a date range (Korean dates) or one plan year.</summary>
public sealed class RevisionFilter : IValidatableObject
{
    [Display(Name = "시작일")]
    public DateOnly? From { get; set; }

    [Display(Name = "종료일")]
    public DateOnly? To { get; set; }

    [Display(Name = "대상 연도")]
    [Range(1990, 2100, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    public int? Year { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { } from && To is { } to && from > to)
        {
            yield return new ValidationResult("시작일이 종료일보다 늦습니다.", [nameof(To)]);
        }
    }
}

public sealed record RevisionTableRow(string SubProject, string Item, string Year, string Old, string New, string Reason, string ChangedBy, string ChangedAt);

public sealed record RevisionTableViewModel(int PlanId, string PlanTitle, RevisionFilter Filter, IReadOnlyList<RevisionTableRow> Rows);

/// <summary>
/// 신구대비표: every revision of a plan in a period or for one year, in plan order, with the
/// value before (현행) and after (변경) and the reason, as Korean offices print amendments.
/// </summary>
public sealed class RevisionTableQuery(AppDbContext db)
{
    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    public async Task<RevisionTableViewModel?> LoadAsync(int planId, RevisionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var query = db.PlanRevisions.AsNoTracking().Where(r => r.PlanId == planId);
        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - KoreaOffset;
            query = query.Where(r => r.ChangedAtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - KoreaOffset;
            query = query.Where(r => r.ChangedAtUtc < toUtc);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        var rows = await query
            .Join(db.SubProjects, r => r.SubProjectId, s => s.Id, (r, s) => new { Revision = r, s.Code, s.Name, TaskNumber = s.Task.Number, s.SortOrder })
            .OrderBy(x => x.TaskNumber).ThenBy(x => x.SortOrder).ThenBy(x => x.Revision.Year).ThenBy(x => x.Revision.ChangedAtUtc)
            .ToListAsync(cancellationToken);
        return new RevisionTableViewModel(
            plan.Id,
            plan.Title,
            filter,
            rows.Select(x => new RevisionTableRow(
                    $"{x.Code} {x.Name}",
                    x.Revision.Label,
                    Formats.Year(x.Revision.Year),
                    x.Revision.OldValue ?? "(빈칸)",
                    x.Revision.NewValue ?? "(빈칸)",
                    x.Revision.Reason,
                    x.Revision.ChangedBy,
                    Formats.KoreanTime(x.Revision.ChangedAtUtc)))
                .ToList());
    }
}
