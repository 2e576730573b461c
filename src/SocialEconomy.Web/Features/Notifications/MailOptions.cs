using MailKit.Security;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// The SMTP server notices are sent through ("Mail" in appsettings, or Mail__Host etc. in the
/// environment). Without a host no e-mail is sent: notices stay in the portal and their e-mail
/// waits in the outbox until a host is set (docs/notifications.md).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "noreply@localhost";

    public string FromName { get; set; } = "사회적경제 기본계획 포털";

    /// <summary>The portal's public address, the base of the links in e-mail.</summary>
    public Uri PortalAddress { get; set; } = new("https://localhost:5001/");

    /// <summary>How often the outbox is worked off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the reminders of the day are computed (each is sent once however often).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Off in the tests, which run the outbox and the reminders themselves at chosen moments.</summary>
    public bool RunInBackground { get; set; } = true;

    public int BatchSize { get; set; } = 200;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
