namespace SocialEconomy.Domain.Auditing;

/// <summary>What an audit row records.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    PasswordChanged,
    PasswordReset,
    TwoFactorEnabled,
    TwoFactorFailed,
    Unlocked,
    AccessDenied,
    Created,
    Updated,
    Deleted,
    Exported,
    Imported,
}

/// <summary>
/// One append-only line of the audit trail: who did what, when (UTC), from where, to which
/// entity, with the values before and after. Rows are written in the same transaction as
/// the change they describe and are never updated or deleted by the application.
/// </summary>
public class AuditEntry
{
    public const int TextMaxLength = 200;

    public AuditEntry(DateTime occurredAtUtc, AuditAction action, string? userId, string? userName, string? ipAddress)
    {
        if (occurredAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Audit times are UTC.", nameof(occurredAtUtc));
        }

        OccurredAtUtc = occurredAtUtc;
        Action = action;
        UserId = Clean(userId, 100);
        UserName = Clean(userName, 256);
        IpAddress = Clean(ipAddress, 64);
    }

    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public AuditAction Action { get; private set; }

    public string? UserId { get; private set; }

    public string? UserName { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>The government the actor works in; null for the system and for sign-in attempts of unknown names.</summary>
    public int? LocalGovernmentId { get; private set; }

    /// <summary>The entity type, e.g. "Indicator" or "AppUser".</summary>
    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>JSON of the changed properties: {"Name": {"from": …, "to": …}}.</summary>
    public string? Changes { get; private set; }

    /// <summary>A short free text: the sign-in name tried, the reason, the path denied.</summary>
    public string? Detail { get; private set; }

    public AuditEntry In(int? localGovernmentId)
    {
        LocalGovernmentId = localGovernmentId;
        return this;
    }

    public AuditEntry About(string entityType, string? entityId)
    {
        EntityType = Clean(entityType, 100);
        EntityId = Clean(entityId, 100);
        return this;
    }

    public AuditEntry WithChanges(string? changesJson)
    {
        Changes = changesJson;
        return this;
    }

    public AuditEntry WithDetail(string? detail)
    {
        Detail = Clean(detail, 1000);
        return this;
    }

    /// <summary>
    /// Log-injection guard: control characters (CR, LF, tab…) are written as escapes, and
    /// values are cut to their column's length.
    /// </summary>
    public static string? Clean(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var escaped = string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return escaped.Length <= maxLength ? escaped : escaped[..maxLength];
    }
}
