using Microsoft.EntityFrameworkCore;
using MimeKit;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// Notices gathered for one save or one reminder run, written together: one per person and
/// key (a person who is both officer of two departments of a period gets one), none whose key
/// that person already has (a reminder made by an earlier run, before a restart), and with
/// e-mail only to a valid address of a person who has not turned that kind off.
/// </summary>
internal sealed class NoticeBatch
{
    private readonly Dictionary<(string UserId, string Key), Notification> _items = [];

    public int Count => _items.Count;

    public void Add(IEnumerable<Recipient> people, NoticeKind kind, string title, string? body, NoticeTarget target, string key, DateTime nowUtc, string? except = null)
    {
        foreach (var person in people.Where(p => p.UserId != except))
        {
            _items.TryAdd((person.UserId, key), new Notification(person.UserId, person.LocalGovernmentId, kind, title, body, target, key, nowUtc, mail: IsAddress(person.Email)));
        }
    }

    /// <summary>Adds the notices to the context (the caller saves them, in its own transaction); how many were new.</summary>
    public async Task<int> AddToAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (_items.Count == 0)
        {
            return 0;
        }

        var userIds = _items.Keys.Select(k => k.UserId).Distinct(StringComparer.Ordinal).ToList();
        var keys = _items.Keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).ToList();
        var existing = (await db.Notifications.IgnoreQueryFilters()
                .Where(n => userIds.Contains(n.RecipientId) && keys.Contains(n.Key))
                .Select(n => new { n.RecipientId, n.Key })
                .ToListAsync(cancellationToken))
            .Select(n => (n.RecipientId, n.Key)).ToHashSet();
        var optedOut = (await db.NoticeMailOptOuts.IgnoreQueryFilters().Where(o => userIds.Contains(o.UserId)).ToListAsync(cancellationToken))
            .Select(o => (o.UserId, o.Kind)).ToHashSet();
        var added = 0;
        foreach (var ((userId, key), notice) in _items)
        {
            if (existing.Contains((userId, key)))
            {
                continue;
            }

            if (optedOut.Contains((userId, notice.Kind)))
            {
                notice.MailNotWanted();
            }

            db.Notifications.Add(notice);
            added++;
        }

        _items.Clear();
        return added;
    }

    internal static bool IsAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailboxAddress.TryParse(email, out var address) && address.Address.Contains('@', StringComparison.Ordinal);
}
