using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// Works off the e-mail outbox: the notices whose e-mail is due, one message per person (a
/// digest when several are due at once, as a day's reminders are), through SMTP with MailKit.
/// A person's notices are marked sent, or failed and retried with back-off
/// (<see cref="Notification.MailFailed"/>), saved every <see cref="SaveEvery"/> messages, so a
/// crash mid-run re-sends at most that many. The notice in the portal never depends on it.
/// </summary>
public sealed partial class MailSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, LinkGenerator links, TimeProvider clock, ILogger<MailSender> logger)
{
    // The sent marks are saved every so many messages, not after each (one commit per message
    // was part of the outbox's cost, docs/benchmarks.md "Notifications"); a crash mid-run
    // re-sends at most these few.
    private const int SaveEvery = 25;

    /// <summary>Sends what is due now; how many messages were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notifications.IgnoreQueryFilters()
            .Where(n => n.MailState == MailState.Pending && n.MailDueUtc <= now)
            .OrderBy(n => n.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var people = due.Select(n => n.RecipientId).Distinct().ToList();
        var recipients = await db.Users.Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, Government = u.LocalGovernment!.ShortName })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        using var smtp = new SmtpClient();
        try
        {
            // Our own socket, without Nagle's algorithm: SMTP is small writes each waiting for
            // its answer. MailKit owns the socket from here.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(settings.Host!, settings.Port, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await smtp.ConnectAsync(socket, settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreachable(logger, settings.Host!, settings.Port, due.Count, e);
            foreach (var notice in due)
            {
                notice.MailFailed(now, e.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        var sent = 0;
        var messages = 0;
        foreach (var group in due.GroupBy(n => n.RecipientId))
        {
            var notices = group.ToList();
            if (!recipients.TryGetValue(group.Key, out var person) || !NoticeBatch.IsAddress(person.Email))
            {
                // The address was removed since the notice was made.
                notices.ForEach(n => n.MailNotWanted());
            }
            else
            {
                try
                {
                    await smtp.SendAsync(Compose(settings, person.Email!, person.DisplayName, person.Government, notices), cancellationToken);
                    notices.ForEach(n => n.MailDelivered(clock.GetUtcNow().UtcDateTime));
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, group.Key, notices.Count, notices[0].MailAttempts + 1, e);
                    notices.ForEach(n => n.MailFailed(now, e.Message));
                }
            }

            if (++messages % SaveEvery == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return sent;
    }

    private MimeMessage Compose(MailOptions settings, string email, string name, string government, List<Notification> notices)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(name, email));
        message.Subject = notices.Count == 1
            ? $"[{government} 사회적경제] {notices[0].Title}"
            : $"[{government} 사회적경제] 알림 {notices.Count}건";
        var text = new StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{name} 님,");
        text.AppendLine();
        foreach (var notice in notices)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"■ {notice.Title}");
            if (notice.Body is { } body)
            {
                text.AppendLine(body);
            }

            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"바로 가기: {NoticeLinks.Absolute(links, settings.PortalAddress, notice.Target)}");
            text.AppendLine();
        }

        var preferences = links.GetPathByAction("Settings", "Notifications") ?? "/";
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"알림 메일 받기 설정: {new Uri(settings.PortalAddress, preferences)}");
        text.AppendLine("이 메일은 발신 전용입니다.");
        message.Body = new TextPart("plain") { Text = text.ToString() };
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server {Host}:{Port} not reachable; {Count} notices' e-mail will be retried")]
    private static partial void LogUnreachable(ILogger logger, string host, int port, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail of {Count} notices to user {UserId} failed (attempt {Attempt}); retried later")]
    private static partial void LogFailed(ILogger logger, string userId, int count, int attempt, Exception exception);
}

/// <summary>Runs the outbox and the day's reminders in the background, surviving restarts (their state is in the database).</summary>
public sealed partial class NotificationWorker(MailSender sender, IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunInBackground)
        {
            return;
        }

        var nextReminders = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow().UtcDateTime >= nextReminders)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(Shared.Formats.KoreanToday(clock), stoppingToken);
                    nextReminders = clock.GetUtcNow().UtcDateTime + settings.ReminderInterval;
                }

                await sender.SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (the database busy, a bug in one notice) is logged and tried again next round.
                LogRoundFailed(logger, e);
            }

            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of notifications failed; trying again next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
