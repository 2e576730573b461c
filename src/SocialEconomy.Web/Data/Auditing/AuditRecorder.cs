using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Data.Auditing;

/// <summary>
/// Turns the tracked changes of a save into audit rows: one per added, changed or removed
/// entity, with the values before and after. Secrets (password hashes, stamps, tokens) are
/// never written.
/// </summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(AppUser.PasswordHash),
        nameof(AppUser.PreviousPasswordHash),
        nameof(AppUser.SecurityStamp),
        nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedUserName),
        nameof(AppUser.NormalizedEmail),
        nameof(AppUser.AccessFailedCount),
        nameof(IdentityUserToken<string>.Value),
    };

    /// <summary>
    /// A committee member's points and comments are sealed until the committee closes, from
    /// the audit readers too (the coordinator reads the trail): the trail records that a
    /// score changed, not what it became (docs/evaluations.md).
    /// </summary>
    private static readonly HashSet<(Type, string)> SealedProperties =
    [
        (typeof(Domain.Evaluation.MemberScore), nameof(Domain.Evaluation.MemberScore.Points)),
        (typeof(Domain.Evaluation.MemberScore), nameof(Domain.Evaluation.MemberScore.Comment)),
    ];

    private const string Sealed = "(비공개: 평가위원 점수)";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Reads the pending changes before they are saved (the "before" values are gone after).</summary>
    public static List<PendingAudit> Capture(DbContext db, IAuditActor actor, DateTime now)
    {
        db.ChangeTracker.DetectChanges();
        var entries = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            // Notices are messages, not records: their making, reading and sending are not audited.
            if (entry.Entity is Features.Notifications.Notification or Features.Notifications.NoticeMailOptOut)
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit rows are append-only.");
                }

                continue;
            }

            if (entry.Metadata.IsOwned() || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            entries.Add(new PendingAudit(
                entry,
                new AuditEntry(now, action, actor.UserId, actor.UserName, actor.IpAddress).In(actor.LocalGovernmentId).WithChanges(JsonSerializer.Serialize(changes, Json))));
        }

        return entries;
    }

    /// <summary>After the data is saved the generated keys are known: the rows name their entity.</summary>
    public static IEnumerable<AuditEntry> Complete(IEnumerable<PendingAudit> pending) =>
        pending.Select(p => p.Entry.About(TypeName(p.Tracked.Metadata.ClrType), KeyOf(p.Tracked)));

    /// <summary>"IdentityUserRole" rather than the CLR's "IdentityUserRole`1".</summary>
    private static string TypeName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (SecretProperties.Contains(name) || property.Metadata.IsPrimaryKey() && entry.State != EntityState.Deleted)
            {
                continue;
            }

            if (SealedProperties.Contains((entry.Metadata.ClrType, name)))
            {
                if (entry.State != EntityState.Modified || property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                {
                    changes[name] = Sealed;
                }

                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new { to = Value(property.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { from = Value(property.OriginalValue) };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { from = Value(property.OriginalValue), to = Value(property.CurrentValue) };
                    break;
            }
        }

        return changes;
    }

    private static object? Value(object? value) => value switch
    {
        null => null,

        // File contents stay out of the trail: their size and the attachment's hash say enough.
        byte[] bytes => $"({bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes)",
        string or bool or int or long or decimal => value,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The key as a string; composite keys are joined; generated keys of new rows are not known yet.</summary>
    internal sealed record PendingAudit(EntityEntry Tracked, AuditEntry Entry);

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        var parts = key.Properties.Select(p => entry.Property(p.Name)).ToList();
        if (parts.Any(p => p.IsTemporary))
        {
            return null;
        }

        return string.Join('/', parts.Select(p => Convert.ToString(p.CurrentValue, CultureInfo.InvariantCulture)));
    }
}
