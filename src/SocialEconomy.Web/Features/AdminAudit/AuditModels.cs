using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SocialEconomy.Domain.Auditing;

namespace SocialEconomy.Web.Features.AdminAudit;

/// <summary>
/// The search form of the audit page, bound from the query string (GET only: the page
/// reads the trail and never changes it). Dates are Korea-time calendar dates.
/// </summary>
public sealed class AuditSearchModel : IValidatableObject
{
    public const string DateAfterEnd = "시작일이 종료일보다 늦습니다. 기간을 다시 입력하세요.";
    public const string DateFormat = "날짜를 2026-01-31 형식으로 입력하세요.";
    public const string ActionUnknown = "행위를 목록에서 고르세요.";

    /// <summary>Part of the user name (contains).</summary>
    [StringLength(256, ErrorMessage = "사용자는 256자 이내로 입력하세요.")]
    public string? User { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The entity type, exactly as recorded (e.g. "AppUser").</summary>
    [StringLength(100, ErrorMessage = "대상은 목록에서 고르세요.")]
    public string? Entity { get; set; }

    public AuditAction? Action { get; set; }

    public int Page { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { } from && To is { } to && from > to)
        {
            yield return new ValidationResult(DateAfterEnd, [nameof(From)]);
        }
    }

    /// <summary>The query string of these filters for another page of results.</summary>
    public Dictionary<string, string> QueryFor(int page)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(User))
        {
            query["user"] = User.Trim();
        }

        if (From is { } from)
        {
            query["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (To is { } to)
        {
            query["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(Entity))
        {
            query["entity"] = Entity;
        }

        if (Action is { } action)
        {
            query["action"] = action.ToString();
        }

        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return query;
    }
}

/// <summary>The audit page: the filters as entered, their choices, one page of rows.</summary>
public sealed record AuditSearchViewModel(
    AuditSearchModel Search,
    string FromText,
    string ToText,
    bool IsValid,
    IReadOnlyList<string> EntityTypes,
    IReadOnlyList<AuditActionOption> Actions,
    IReadOnlyList<AuditListItem> Items,
    int TotalCount,
    int Page,
    int PageCount)
{
    public const int PageSize = 50;
}

public sealed record AuditActionOption(AuditAction Value, string Label);

/// <summary>One audit row as shown: times already in Korea time, changes already read.</summary>
public sealed record AuditListItem(
    long Id,
    string OccurredAt,
    string OccurredAtUtcIso,
    string? UserName,
    string? IpAddress,
    string Action,
    string? EntityType,
    string? EntityId,
    IReadOnlyList<AuditChangeLine> Changes,
    string? UnreadableChanges,
    string? Detail);

/// <summary>One changed field: a value before and/or after (null when that side does not exist).</summary>
public sealed record AuditChangeLine(string Field, string? From, string? To);
