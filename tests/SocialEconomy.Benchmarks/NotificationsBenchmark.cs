using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Notifications;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.Notifications;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Benchmarks;

/// <summary>
/// Notifications (issue 17): the seeded plan's two lead departments with 10,000 officers, each
/// with an address. Times: opening a results period (the save makes a notice for every officer),
/// the day's reminders a week before the deadline (computed and queued), and working off the
/// outbox against a real SMTP server in process (each officer gets one digest of the two).
/// </summary>
public static class NotificationsBenchmark
{
    private const int People = 10_000;

    // The outbox's rate is measured on the first messages: at the rate found (idle-bound, about
    // 15 a second) all 10,000 would take over ten minutes.
    private const int MailSample = 2_000;

    public static async Task RunAsync(string output)
    {
        await using var factory = new NotificationsFactory();
        await ((Xunit.IAsyncLifetime)factory).InitializeAsync();
        var planId = await factory.SeededPlanIdAsync();
        var watch = Stopwatch.StartNew();
        await CreateOfficersAsync(factory);
        var arranged = watch.Elapsed;
        var deadline = new DateOnly(2099, 3, 31);

        var process = Process.GetCurrentProcess();
        var open = await Timing.TimeAsync(() => factory.OpenPeriodAsync(planId, 2019, deadline));
        var opened = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NoticeKind.PeriodOpened));
        var remind = await Timing.TimeAsync(() => factory.RemindAsync(deadline.AddDays(-7)));
        var reminded = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NoticeKind.DeadlineInWeek));

        var sent = 0;
        var mail = await Timing.TimeAsync(async () =>
        {
            int round;
            while (sent < MailSample && (round = await factory.SendMailAsync()) > 0)
            {
                sent += round;
            }
        });
        var received = factory.Smtp.Messages.Count;
        process.Refresh();
        var peak = process.PeakWorkingSet64 / 1024.0 / 1024.0;
        await ((Xunit.IAsyncLifetime)factory).DisposeAsync();

        var body = new StringBuilder();
        body.AppendLine("| step | count | time (s) | per second | goal |");
        body.AppendLine("|---|---:|---:|---:|---|");
        body.AppendLine(CultureInfo.InvariantCulture, $"| open the 2019 results period (the save makes every officer's notice) | {opened} notices | {open.TotalSeconds:0.00} | {opened / open.TotalSeconds:0} | |");
        body.AppendLine(CultureInfo.InvariantCulture, $"| compute and queue the day's reminders (D-7) | {reminded} notices | {remind.TotalSeconds:0.00} | {reminded / remind.TotalSeconds:0} | < 5 s: {(remind.TotalSeconds < 5 ? "met" : "**not met**")} |");
        body.AppendLine(CultureInfo.InvariantCulture, $"| send the outbox (one digest of 2 notices per officer) to the SMTP server in process, first {MailSample:N0} officers | {sent} messages sent, {received} received | {mail.TotalSeconds:0.00} | {sent / mail.TotalSeconds:0} | |");
        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Arranging the {People:N0} officers (inserted directly, without password hashing) took {arranged.TotalSeconds:0} s. Peak working set of the benchmark process (portal and SMTP server in it): {peak:0} MiB.");
        BenchmarkReport.WriteSection(
            output,
            "Notifications",
            $"In-process (WebApplicationFactory, SQLite file, the real NoticesFromChanges, ReminderRun and MailSender; MailKit talking SMTP over loopback to the SmtpServer package, messages parsed by MimeKit). {People:N0} 사업담당자 with e-mail addresses in the seeded plan's two lead departments.",
            body.ToString());
    }

    /// <summary>10,000 active officers with addresses, half in each lead department, inserted in batches.</summary>
    private static async Task CreateOfficersAsync(NotificationsFactory factory)
    {
        var (governmentId, roleId, departments) = await factory.WithDbAsync(async db => (
            await db.LocalGovernments.Where(g => g.ShortName == "성북구").Select(g => g.Id).SingleAsync(),
            await db.Roles.Where(r => r.Name == Roles.DepartmentOfficer).Select(r => r.Id).SingleAsync(),
            await db.Departments.Where(d => d.Name == "마을사회적경제과" || d.Name == "도시재생디자인과").ToListAsync()));
        for (var batch = 0; batch < People / 1000; batch++)
        {
            await factory.WithDbAsync(async db =>
            {
                var tracked = await db.Departments.Where(d => departments.Select(x => x.Id).Contains(d.Id)).ToListAsync();
                for (var i = 0; i < 1000; i++)
                {
                    var n = (batch * 1000) + i;
                    var name = $"bench{n.ToString("00000", CultureInfo.InvariantCulture)}";
                    var user = new AppUser(name, $"담당자 {n}", governmentId)
                    {
                        NormalizedUserName = name.ToUpperInvariant(),
                        Email = $"{name}@bench.example.go.kr",
                        SecurityStamp = Guid.NewGuid().ToString(),
                    };
                    db.Users.Add(user);
                    user.SetDepartments([tracked[n % tracked.Count]]);
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                }

                return await db.SaveChangesAsync();
            });
        }
    }
}
