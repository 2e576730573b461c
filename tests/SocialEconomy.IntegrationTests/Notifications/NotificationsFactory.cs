using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.Notifications;

namespace SocialEconomy.IntegrationTests.Notifications;

/// <summary>
/// The portal sending its e-mail to a real SMTP server in the test process, with a clock the
/// tests move forward (for retries), and the outbox and reminders run when a test says so
/// instead of on the background timer.
/// </summary>
public sealed class NotificationsFactory : PortalFactory, IAsyncLifetime
{
    public NotificationsFactory()
    {
        Settings["Mail:Host"] = "127.0.0.1";
        Settings["Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Mail:Security"] = "None";
        Settings["Mail:FromAddress"] = "noreply@portal.example.go.kr";
        Settings["Mail:PortalAddress"] = "https://portal.example.go.kr/";
    }

    public TestSmtpServer Smtp { get; } = new();

    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => Smtp.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await Smtp.DisposeAsync();

    /// <summary>Works off the outbox once, as the background worker does each round; messages sent.</summary>
    public Task<int> SendMailAsync() => Services.GetRequiredService<MailSender>().SendDueAsync(CancellationToken.None);

    public async Task<int> RemindAsync(DateOnly today)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderRun>().RunAsync(today, CancellationToken.None);
    }

    public Task<List<Notification>> NoticesOfAsync(string userId) =>
        WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.RecipientId == userId).OrderBy(n => n.Id).ToListAsync());

    /// <summary>Gives the account an e-mail address (the settings page is tested on its own).</summary>
    public Task SetEmailAsync(string userId, string email) =>
        WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.Email = email;
            return await db.SaveChangesAsync();
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
