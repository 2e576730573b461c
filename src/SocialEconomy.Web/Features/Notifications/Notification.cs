namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// One notice to one person: shown in the portal (the header's count, 알림 page) until read,
/// and, unless the person turned that kind off or has no address, sent by e-mail through the
/// outbox <see cref="MailSender"/> works off. The e-mail's state lives on the notice, so a
/// failed delivery is retried and never takes the notice in the portal with it.
/// </summary>
public class Notification
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 2000;
    public const int KeyMaxLength = 200;
    public const int MailErrorMaxLength = 500;

    /// <summary>Delivery attempts before the e-mail is given up (the notice stays).</summary>
    public const int MaxMailAttempts = 6;

    public Notification(string recipientId, int localGovernmentId, NoticeKind kind, string title, string? body, NoticeTarget target, string key, DateTime createdAtUtc, bool mail)
    {
        RecipientId = recipientId;
        LocalGovernmentId = localGovernmentId;
        Kind = kind;
        Title = Cut(title, TitleMaxLength);
        Body = body is null ? null : Cut(body, BodyMaxLength);
        Page = target.Page;
        PlanId = target.PlanId;
        Year = target.Year;
        SubProjectCode = target.SubProjectCode;
        CycleId = target.CycleId;
        Key = Cut(key, KeyMaxLength);
        CreatedAtUtc = createdAtUtc;
        MailState = mail ? MailState.Pending : MailState.NotWanted;
        MailDueUtc = mail ? createdAtUtc : null;
    }

    private Notification()
    {
        RecipientId = Title = Key = string.Empty;
    }

    public long Id { get; private set; }

    public string RecipientId { get; private set; }

    public int LocalGovernmentId { get; private set; }

    public NoticeKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>What the recipient needs beside the title: a return's reason, the deadline.</summary>
    public string? Body { get; private set; }

    public NoticePage Page { get; private set; }

    public int? PlanId { get; private set; }

    public int? Year { get; private set; }

    public string? SubProjectCode { get; private set; }

    public int? CycleId { get; private set; }

    public NoticeTarget Target => new(Page, PlanId, Year, SubProjectCode, CycleId);

    /// <summary>
    /// Unique per recipient: a reminder's key names its deadline ("DeadlineInWeek:period:12:2026-02-28"),
    /// so that it is made once per person and deadline however often the reminders run.
    /// </summary>
    public string Key { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    public MailState MailState { get; private set; }

    public int MailAttempts { get; private set; }

    /// <summary>When the outbox next tries to send it; null once sent or given up.</summary>
    public DateTime? MailDueUtc { get; private set; }

    public DateTime? MailSentAtUtc { get; private set; }

    public string? MailError { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    /// <summary>The person turned this kind's e-mail off: the notice is only in the portal.</summary>
    public void MailNotWanted()
    {
        MailState = MailState.NotWanted;
        MailDueUtc = null;
    }

    public void MailDelivered(DateTime nowUtc)
    {
        MailState = MailState.Sent;
        MailSentAtUtc = nowUtc;
        MailDueUtc = null;
        MailError = null;
    }

    /// <summary>A failed delivery: tried again after 1, 5, 15, 60 and 240 minutes, then given up.</summary>
    public void MailFailed(DateTime nowUtc, string error)
    {
        MailAttempts++;
        MailError = Cut(error, MailErrorMaxLength);
        if (MailAttempts >= MaxMailAttempts)
        {
            MailState = MailState.GaveUp;
            MailDueUtc = null;
            return;
        }

        MailDueUtc = nowUtc + Backoff(MailAttempts);
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(attempts switch
    {
        1 => 1,
        2 => 5,
        3 => 15,
        4 => 60,
        _ => 240,
    });

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

public enum MailState
{
    /// <summary>No e-mail: the person has no address or turned this kind off.</summary>
    NotWanted,
    Pending,
    Sent,
    GaveUp,
}

/// <summary>The page a notice links to, with the values of its route (NoticeLinks makes the address).</summary>
public sealed record NoticeTarget(NoticePage Page, int? PlanId = null, int? Year = null, string? SubProjectCode = null, int? CycleId = null);

public enum NoticePage
{
    None,
    YearResults,
    ResultEntry,
    SelfEvaluations,
    MemberScoring,
    Cycle,
    FollowUps,
}

/// <summary>A kind of notice whose e-mail one person turned off (the notice in the portal stays).</summary>
public class NoticeMailOptOut
{
    public NoticeMailOptOut(string userId, NoticeKind kind)
    {
        UserId = userId;
        Kind = kind;
    }

    public string UserId { get; private set; }

    public NoticeKind Kind { get; private set; }
}
