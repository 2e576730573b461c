namespace SocialEconomy.Web.Data.Auditing;

/// <summary>
/// Who is acting: the signed-in user of the request, or the system. The actor also decides
/// what the context reads: a request sees its signer's government only (AppDbContext's query
/// filters), the system sees every government.
/// </summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? UserName { get; }

    string? IpAddress { get; }

    /// <summary>The signer's government; null for an anonymous request (which then sees no government's data) and for the system.</summary>
    int? LocalGovernmentId { get; }

    /// <summary>Start-up work, seeding and command-line verbs: no request, so no scope.</summary>
    bool IsSystem { get; }
}

/// <summary>Start-up work (migrations, seeding, command-line verbs) acts as the system.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static readonly SystemAuditActor Instance = new();

    public string? UserId => null;

    public string? UserName => "system";

    public string? IpAddress => null;

    public int? LocalGovernmentId => null;

    public bool IsSystem => true;
}
