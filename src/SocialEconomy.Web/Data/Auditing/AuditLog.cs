using SocialEconomy.Domain.Auditing;

namespace SocialEconomy.Web.Data.Auditing;

/// <summary>
/// Writes audit rows for events that are not data changes: sign-ins, failures, lockouts,
/// denials. Data changes are audited with every save (SaveBookkeeping).
/// </summary>
public sealed class AuditLog(AppDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <param name="userName">The account concerned when nobody is signed in yet (a sign-in attempt).</param>
    /// <param name="localGovernmentId">That account's government, so its administrator finds the row; the actor's when not given.</param>
    public async Task WriteAsync(AuditAction action, string? userName = null, string? userId = null, string? detail = null, int? localGovernmentId = null, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, action, userId ?? actor.UserId, userName ?? actor.UserName, actor.IpAddress)
            .In(localGovernmentId ?? actor.LocalGovernmentId)
            .WithDetail(detail));
        await db.SaveChangesAsync(cancellationToken);
    }
}
