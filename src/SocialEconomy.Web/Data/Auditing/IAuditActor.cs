namespace SocialEconomy.Web.Data.Auditing;

/// <summary>Who is acting: the signed-in user of the request, or the system.</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? UserName { get; }

    string? IpAddress { get; }
}

/// <summary>Start-up work (migrations, seeding, command-line verbs) acts as the system.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static readonly SystemAuditActor Instance = new();

    public string? UserId => null;

    public string? UserName => "system";

    public string? IpAddress => null;
}
