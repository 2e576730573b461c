using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Features.Notifications;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Notifications;

/// <summary>
/// Issue 17 item 1: what a person must act on reaches them in the portal (the header's count,
/// 알림) and by e-mail, read here from a real SMTP server. Each test uses a year of its own.
/// </summary>
public class NotificationsTests(NotificationsFactory factory) : IClassFixture<NotificationsFactory>
{
    [Fact]
    public async Task PeriodOpened_ReachesTheOfficersOfItsDepartments_InThePortalAndByMail()
    {
        var planId = await factory.SeededPlanIdAsync();
        var officer = await factory.CreateUserAsync("n-officer-a", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await factory.SetEmailAsync(officer.Id, "officer-a@seongbuk.example.go.kr");
        var neighbour = await factory.AddGovernmentAsync("알림군", departments: PortalFactory.OwnDepartment);
        var stranger = await factory.CreateUserInAsync(neighbour, "n-stranger", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await factory.SetEmailAsync(stranger.Id, "stranger@example.go.kr");

        await FreshPeriodAsync(planId, 2018, new DateOnly(2099, 2, 28));
        Assert.True(await factory.SendMailAsync() >= 1);

        var notice = Assert.Single(await factory.NoticesOfAsync(officer.Id), n => n.Kind == NoticeKind.PeriodOpened);
        Assert.Equal(MailState.Sent, notice.MailState);
        Assert.Empty(await factory.NoticesOfAsync(stranger.Id));
        Assert.Empty(factory.Smtp.To("stranger@example.go.kr"));

        var mail = Assert.Single(factory.Smtp.To("officer-a@seongbuk.example.go.kr"));
        Assert.Contains("2018년 실적 입력이 시작되었습니다", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("[성북구 사회적경제]", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("제출 기한: 2099-02-28", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example.go.kr/results/{planId}/2018", mail.TextBody, StringComparison.Ordinal);

        // In the portal: the header's count, the list, and opening it marks it read and goes to the year.
        var client = await factory.SignInAsync("n-officer-a");
        var home = await client.GetDocumentAsync("/");
        Assert.Equal("1", home.QuerySelector(".portal-notice-link .portal-badge")?.TextContent.Trim());
        var list = await client.GetDocumentAsync("/notifications");
        Assert.Contains("2018년 실적 입력이 시작되었습니다", list.QuerySelector(".portal-notice-list .is-unread")!.TextContent, StringComparison.Ordinal);
        using var opened = await client.PostFormAsync("/notifications", $"/notifications/{notice.Id}/open", []);
        Assert.True(opened.IsRedirectTo($"/results/{planId}/2018"), opened.Headers.Location?.ToString());
        var all = await factory.NoticesOfAsync(officer.Id);
        Assert.True(all.All(n => n.IsRead), string.Join("; ", all.Select(n => $"{n.Id} {n.Kind} {n.Title} {n.ReadAtUtc}")));
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector(".portal-notice-link .portal-badge"));
        Assert.NotNull((await factory.NoticesOfAsync(officer.Id)).Single(n => n.Id == notice.Id).ReadAtUtc);
    }

    [Fact]
    public async Task ReviewSteps_SubmittedReachesTheCoordinator_ReturnedReachesTheOfficerWithItsReason()
    {
        var planId = await factory.SeededPlanIdAsync();
        await FreshPeriodAsync(planId, 2017);
        var officerAccount = await factory.CreateUserAsync("n-officer-b", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await factory.SetEmailAsync(officerAccount.Id, "officer-b@seongbuk.example.go.kr");
        var coordinatorAccount = await factory.CreateUserAsync("n-coordinator", Roles.Coordinator);
        await factory.SetEmailAsync(coordinatorAccount.Id, "coordinator@seongbuk.example.go.kr");
        var officer = await factory.SignInAsync("n-officer-b");
        var coordinator = await factory.SignInAsync("n-coordinator");
        var url = $"/results/{planId}/2017/1-1";

        using (var submitted = await officer.PostResultAsync(url, ResultsEntryTests.CompleteFor2017, intent: "submit"))
        {
            Assert.True(submitted.IsRedirectTo(url));
        }

        var toCoordinator = Assert.Single(await factory.NoticesOfAsync(coordinatorAccount.Id), n => n.Kind == NoticeKind.Submitted);
        Assert.Contains("2017년 1-1", toCoordinator.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.NoticesOfAsync(officerAccount.Id), n => n.Kind == NoticeKind.Submitted);

        using (await coordinator.ReviewAsync(url, "return", new() { ["comment"] = "사업비 집행 근거를 첨부하세요" }))
        {
        }

        var returned = Assert.Single(await factory.NoticesOfAsync(officerAccount.Id), n => n.Kind == NoticeKind.Returned);
        Assert.Contains("반려 사유: 사업비 집행 근거를 첨부하세요", returned.Body, StringComparison.Ordinal);
        await factory.SendMailAsync();
        var mail = factory.Smtp.To("officer-b@seongbuk.example.go.kr")[^1];
        Assert.Contains("사업비 집행 근거를 첨부하세요", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example.go.kr{url}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(factory.Smtp.To("coordinator@seongbuk.example.go.kr"), m => m.Subject != null && m.Subject.Contains("실적이 제출되었습니다", StringComparison.Ordinal));

        // Issue 17 item 2: the reason at the top of the entry page while it is returned.
        var entry = await officer.GetDocumentAsync(url);
        Assert.Contains("반려 사유: 사업비 집행 근거를 첨부하세요", entry.QuerySelector("#return-reason")!.TextContent, StringComparison.Ordinal);

        // The reason on the officer's list, its lines kept.
        var list = await officer.GetDocumentAsync("/notifications");
        Assert.Contains(list.QuerySelectorAll(".portal-notice-body"), p => p.TextContent.Trim() == "반려 사유: 사업비 집행 근거를 첨부하세요");
    }

    [Fact]
    public async Task Reminders_ComeOncePerPersonAndDeadline_AndSeveralGoAsOneDigest()
    {
        var planId = await factory.SeededPlanIdAsync();
        var deadline = new DateOnly(2098, 3, 31);
        var account = await factory.CreateUserAsync("n-officer-c", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await factory.SetEmailAsync(account.Id, "officer-c@seongbuk.example.go.kr");
        await FreshPeriodAsync(planId, 2019, deadline);

        Assert.True(await factory.RemindAsync(deadline.AddDays(-10)) >= 0);
        Assert.DoesNotContain(await factory.NoticesOfAsync(account.Id), n => NoticeKinds.IsReminder(n.Kind));

        await factory.RemindAsync(deadline.AddDays(-7));
        await factory.RemindAsync(deadline.AddDays(-6));
        await factory.RemindAsync(deadline.AddDays(-1));
        await factory.RemindAsync(deadline.AddDays(-1));
        var reminders = (await factory.NoticesOfAsync(account.Id)).Where(n => NoticeKinds.IsReminder(n.Kind) && n.Year == 2019).ToList();
        Assert.Equal([NoticeKind.DeadlineInWeek, NoticeKind.DeadlineTomorrow], reminders.Select(r => r.Kind));
        Assert.Contains("아직 제출하지 않은 세부사업", reminders[0].Body, StringComparison.Ordinal);

        // The period's opening and both reminders were due together: one message lists them all.
        var before = factory.Smtp.To("officer-c@seongbuk.example.go.kr").Count;
        await factory.SendMailAsync();
        var digest = Assert.Single(factory.Smtp.To("officer-c@seongbuk.example.go.kr").Skip(before));
        Assert.Contains("알림 3건", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("내일이 기한입니다", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("기한이 7일 남았습니다", digest.TextBody, StringComparison.Ordinal);

        // After the deadline: one overdue reminder, however often the reminders run (a restart included).
        await factory.RemindAsync(deadline.AddDays(1));
        await factory.RemindAsync(deadline.AddDays(2));
        Assert.Single(await factory.NoticesOfAsync(account.Id), n => n.Kind == NoticeKind.DeadlinePassed && n.Year == 2019);
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedWithBackOff_AndTheNoticeStaysInThePortal()
    {
        var planId = await factory.SeededPlanIdAsync();
        var account = await factory.CreateUserAsync("n-officer-d", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await factory.SetEmailAsync(account.Id, "officer-d@seongbuk.example.go.kr");
        await factory.Smtp.StopAsync();
        try
        {
            await FreshPeriodAsync(planId, 2020);
            Assert.Equal(0, await factory.SendMailAsync());
            var failed = Assert.Single(await factory.NoticesOfAsync(account.Id), n => n.Year == 2020);
            Assert.Equal(MailState.Pending, failed.MailState);
            Assert.Equal(1, failed.MailAttempts);
            Assert.NotNull(failed.MailError);
            Assert.True(failed.MailDueUtc > factory.Clock.GetUtcNow().UtcDateTime);

            var client = await factory.SignInAsync("n-officer-d");
            Assert.Contains("2020년 실적 입력이 시작되었습니다", (await client.GetDocumentAsync("/notifications")).QuerySelector(".portal-notice-list")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await factory.Smtp.StartAsync();
        }

        // Not before its time; then delivered.
        await factory.SendMailAsync();
        Assert.Empty(factory.Smtp.To("officer-d@seongbuk.example.go.kr"));
        factory.Clock.Advance(Notification.Backoff(1) + TimeSpan.FromSeconds(1));
        await factory.SendMailAsync();
        Assert.Single(factory.Smtp.To("officer-d@seongbuk.example.go.kr"));
        Assert.Equal(MailState.Sent, (await factory.NoticesOfAsync(account.Id)).Single(n => n.Year == 2020).MailState);
    }

    [Fact]
    public async Task Settings_KeepTheAddressValid_AndAKindTurnedOffComesOnlyInThePortal()
    {
        var account = await factory.CreateUserAsync("n-officer-e", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var client = await factory.SignInAsync("n-officer-e");
        var page = await client.GetDocumentAsync("/notifications/settings");
        var fields = page.FormFields("form[action='/notifications/settings']");
        fields["Input.Email"] = "잘못된 주소";
        using (var refused = await client.PostAsync(new Uri("/notifications/settings", UriKind.Relative), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var again = await refused.DocumentAsync();
            Assert.Contains("전자우편 주소 형식이 올바르지 않습니다", again.QuerySelector("#Input_Email-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("잘못된 주소", again.QuerySelector("#Input_Email")!.GetAttribute("value"));
        }

        // A valid address, and 실적 입력 기간 시작 turned off.
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", fields["__RequestVerificationToken"]),
            new("Input.Version", fields["Input.Version"]),
            new("Input.Email", "officer-e@seongbuk.example.go.kr"),
        };
        form.AddRange(NoticeKinds.All.Where(k => k != NoticeKind.PeriodOpened).Select(k => new KeyValuePair<string, string>("Input.MailKinds", k.ToString())));
        using (var saved = await client.PostAsync(new Uri("/notifications/settings", UriKind.Relative), new FormUrlEncodedContent(form)))
        {
            Assert.True(saved.IsRedirectTo("/notifications/settings"), $"{saved.StatusCode} {(await saved.DocumentAsync()).QuerySelector("main")?.TextContent}");
        }

        var reread = await client.GetDocumentAsync("/notifications/settings");
        Assert.False(reread.QuerySelector("#Input_MailKinds_PeriodOpened")!.HasAttribute("checked"));
        Assert.True(reread.QuerySelector("#Input_MailKinds_Returned")!.HasAttribute("checked"));

        await FreshPeriodAsync(await factory.SeededPlanIdAsync(), 2018);
        var notices = await factory.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.RecipientId == account.Id).ToListAsync());
        Assert.All(notices, n => Assert.Equal(MailState.NotWanted, n.MailState));
    }

    [Fact]
    public async Task Notices_AreTheirRecipientsOwn()
    {
        var planId = await factory.SeededPlanIdAsync();
        var account = await factory.CreateUserAsync("n-officer-f", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        await FreshPeriodAsync(planId, 2018);
        var notice = (await factory.NoticesOfAsync(account.Id)).Last();

        // A colleague of the same department and government neither sees nor opens it.
        await factory.CreateUserAsync("n-officer-g", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var colleague = await factory.SignInAsync("n-officer-g");
        using var open = await colleague.PostFormAsync("/notifications", $"/notifications/{notice.Id}/open", []);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Null((await factory.NoticesOfAsync(account.Id)).Single(n => n.Id == notice.Id).ReadAtUtc);
    }

    /// <summary>Opens the year anew (closing it first if an earlier test left it open), so that its opening is an event.</summary>
    private async Task FreshPeriodAsync(int planId, int year, DateOnly? deadline = null)
    {
        await factory.WithDbAsync(async db =>
        {
            if (await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == planId && p.Year == year && p.IsOpen) is { } open)
            {
                open.Close(DateTime.UtcNow);
            }

            return await db.SaveChangesAsync();
        });
        await factory.OpenPeriodAsync(planId, year, deadline);
    }
}
