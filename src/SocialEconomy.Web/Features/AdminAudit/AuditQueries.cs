using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.AdminAudit;

/// <summary>
/// Reads the audit trail for the audit page. Filters are LINQ only (user text is a
/// parameter, never SQL); rows are ordered by the UTC DateTime column, which SQLite can
/// sort (it cannot sort DateTimeOffset), newest first.
/// </summary>
public sealed class AuditQueries(AppDbContext db)
{
    /// <summary>Korea Standard Time has had no daylight saving since 1988: a fixed UTC+9.</summary>
    public static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    public static IReadOnlyList<AuditActionOption> Actions { get; } =
        Enum.GetValues<AuditAction>().Select(a => new AuditActionOption(a, Label(a))).ToList();

    public static string Label(AuditAction action) => action switch
    {
        AuditAction.SignIn => "로그인",
        AuditAction.SignInFailed => "로그인 실패",
        AuditAction.LockedOut => "계정 잠김",
        AuditAction.SignOut => "로그아웃",
        AuditAction.PasswordChanged => "비밀번호 변경",
        AuditAction.PasswordReset => "비밀번호 초기화",
        AuditAction.TwoFactorEnabled => "2단계 인증 설정",
        AuditAction.TwoFactorFailed => "2단계 인증 실패",
        AuditAction.Unlocked => "잠금 해제",
        AuditAction.AccessDenied => "접근 거부",
        AuditAction.Created => "생성",
        AuditAction.Updated => "수정",
        AuditAction.Deleted => "삭제",
        _ => action.ToString(),
    };

    /// <summary>The first UTC instant of a Korea-time day, or null when the day is out of DateTime's range.</summary>
    public static DateTime? KoreanDayStartUtc(DateOnly day) =>
        day <= DateOnly.MinValue || day >= DateOnly.MaxValue
            ? null
            : DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - KoreaOffset, DateTimeKind.Utc);

    /// <summary>
    /// A government's people read its own rows (the context's filter); the 시스템관리자 reads
    /// the whole platform's, the system's own rows (start-up, unknown sign-in names) included.
    /// </summary>
    private IQueryable<AuditEntry> Entries(bool everyGovernment) =>
        everyGovernment ? db.AuditEntries.IgnoreQueryFilters().AsNoTracking() : db.AuditEntries.AsNoTracking();

    public static string KoreanTime(DateTime utc) =>
        (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + KoreaOffset).ToString("yyyy-MM-dd HH:mm:ss", Formats.Korean);

    public async Task<IReadOnlyList<string>> EntityTypesAsync(bool everyGovernment, CancellationToken cancellationToken) =>
        await Entries(everyGovernment)
            .Where(e => e.EntityType != null)
            .Select(e => e.EntityType!)
            .Distinct()
            .OrderBy(t => t)
            .ToListAsync(cancellationToken);

    public async Task<AuditPage> SearchAsync(AuditSearchModel search, bool everyGovernment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Entries(everyGovernment);
        if (!string.IsNullOrWhiteSpace(search.User))
        {
            // LIKE with the wildcards of the user's text escaped: a plain "contains".
            var pattern = "%" + EscapeLike(search.User.Trim()) + "%";
            query = query.Where(e => e.UserName != null && EF.Functions.Like(e.UserName, pattern, "\\"));
        }

        if (search.From is { } from && KoreanDayStartUtc(from) is { } fromUtc)
        {
            query = query.Where(e => e.OccurredAtUtc >= fromUtc);
        }

        if (search.To is { } to && to < DateOnly.MaxValue && KoreanDayStartUtc(to.AddDays(1)) is { } toUtc)
        {
            query = query.Where(e => e.OccurredAtUtc < toUtc);
        }

        if (!string.IsNullOrEmpty(search.Entity))
        {
            var entity = search.Entity;
            query = query.Where(e => e.EntityType == entity);
        }

        if (search.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)AuditSearchViewModel.PageSize));
        var page = Math.Clamp(search.Page, 1, pageCount);
        var rows = await query
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * AuditSearchViewModel.PageSize)
            .Take(AuditSearchViewModel.PageSize)
            .Select(e => new { e.Id, e.OccurredAtUtc, e.UserName, e.IpAddress, e.Action, e.EntityType, e.EntityId, e.Changes, e.Detail })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r =>
            {
                var changes = ReadChanges(r.Changes);
                return new AuditListItem(
                    r.Id,
                    KoreanTime(r.OccurredAtUtc),
                    DateTime.SpecifyKind(r.OccurredAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    r.UserName,
                    r.IpAddress,
                    Label(r.Action),
                    r.EntityType,
                    r.EntityId,
                    changes ?? [],
                    changes is null ? r.Changes : null,
                    r.Detail);
            })
            .ToList();
        return new AuditPage(items, total, page, pageCount);
    }

    /// <summary>
    /// Reads the Changes JSON ({"Name": {"from": …, "to": …}}) into lines; null when it is
    /// not in that shape, so the page shows the text as stored instead.
    /// </summary>
    public static IReadOnlyList<AuditChangeLine>? ReadChanges(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var lines = new List<AuditChangeLine>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    var from = property.Value.TryGetProperty("from", out var f) ? Text(f) : null;
                    var to = property.Value.TryGetProperty("to", out var t) ? Text(t) : null;
                    lines.Add(new AuditChangeLine(property.Name, from, to));
                }
                else
                {
                    lines.Add(new AuditChangeLine(property.Name, null, Text(property.Value)));
                }
            }

            return lines;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(없음)",
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : "(빈 값)",
        JsonValueKind.True => "예",
        JsonValueKind.False => "아니요",
        _ => value.GetRawText(),
    };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}

public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, int TotalCount, int Page, int PageCount);
