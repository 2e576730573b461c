using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Domain.Organization;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Features.AdminAudit;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.AdminAudit;

public class AdminAuditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int UserColumn = 1;
    private const int ActionColumn = 3;
    private const int EntityColumn = 4;
    private const int ChangesColumn = 6;
    private const int DetailColumn = 7;

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Coordinator)]
    public async Task Index_AuditReaders_SeeTheirOwnSignIn(string role)
    {
        var client = await factory.ClientForAsync(role);

        var document = await client.GetDocumentAsync("/admin/audit");

        var rows = Rows(document);
        Assert.NotEmpty(rows);
        var prefix = $"t-{role.ToLowerInvariant()}-";
        Assert.Contains(rows, r => r[ActionColumn] == "로그인" && r[UserColumn].StartsWith(prefix, StringComparison.Ordinal));
        var table = document.QuerySelector("main table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.All(table.QuerySelectorAll("th"), th => Assert.False(string.IsNullOrEmpty(th.GetAttribute("scope")), $"<th>{th.TextContent}</th> has no scope"));
        Assert.All(document.QuerySelectorAll("main input, main select"), field =>
            Assert.NotNull(document.QuerySelector($"label[for='{field.Id}']")));
        Assert.Empty(document.QuerySelectorAll("main script, main style, main [style]"));
    }

    [Fact]
    public async Task Index_FilterByUser_ShowsOnlyNamesContainingTheText()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alpha = $"alpha-{tag}-user";
        var beta = $"beta-{tag}-user";
        await factory.CreateUserAsync(alpha, Roles.Viewer);
        await factory.CreateUserAsync(beta, Roles.Viewer);
        await factory.SignInAsync(alpha);
        await factory.SignInAsync(beta);
        var admin = await factory.ClientForAsync(Roles.Admin);

        var rows = Rows(await admin.GetDocumentAsync($"/admin/audit?user=ha-{tag}"));

        Assert.Contains(rows, r => r[UserColumn] == alpha && r[ActionColumn] == "로그인");
        Assert.All(rows, r => Assert.Equal(alpha, r[UserColumn]));
        var both = Rows(await admin.GetDocumentAsync($"/admin/audit?user={tag}&action=SignIn"));
        Assert.Equal([alpha, beta], both.Select(r => r[UserColumn]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Index_FilterByUser_TreatsWildcardsAsText()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);

        var rows = Rows(await admin.GetDocumentAsync("/admin/audit?user=%25"));

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Index_FilterByAction_ShowsOnlyThatAction()
    {
        var name = $"failing-{Guid.NewGuid():N}"[..20];
        await factory.CreateUserAsync(name, Roles.Viewer);
        using var stranger = factory.CreateClient();
        using var failed = await stranger.PostFormAsync("/account/signin", "/account/signin", new() { ["UserName"] = name, ["Password"] = "wrong-password-123" });
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var admin = await factory.ClientForAsync(Roles.Admin);

        var rows = Rows(await admin.GetDocumentAsync("/admin/audit?action=SignInFailed"));

        Assert.Contains(rows, r => r[UserColumn] == name && r[DetailColumn] == "bad password");
        Assert.All(rows, r => Assert.Equal("로그인 실패", r[ActionColumn]));
    }

    [Fact]
    public async Task Index_FilterByEntity_ShowsOnlyThatTypeAndOffersTheTypesRecorded()
    {
        await factory.CreateUserAsync($"entity-{Guid.NewGuid():N}"[..20], Roles.Viewer);
        var admin = await factory.ClientForAsync(Roles.Admin);

        var document = await admin.GetDocumentAsync("/admin/audit?entity=AppUser");

        var rows = Rows(document);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("AppUser", r[EntityColumn]));
        var options = document.QuerySelectorAll("#audit-entity option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("AppUser", options);
        Assert.Equal("AppUser", document.QuerySelector("#audit-entity option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Index_FilterByDates_ReadsThemAsKoreanDaysAndShowsKoreanTime()
    {
        // 15:30 UTC on 1 March is 00:30 KST on 2 March; 14:30 UTC is 23:30 KST on 1 March.
        await AddAuditRowsAsync(
            new AuditEntry(new DateTime(2020, 3, 1, 15, 30, 0, DateTimeKind.Utc), AuditAction.Updated, null, "probe", "10.0.0.1").About("DateProbe", "2"),
            new AuditEntry(new DateTime(2020, 3, 1, 14, 30, 0, DateTimeKind.Utc), AuditAction.Updated, null, "probe", "10.0.0.1").About("DateProbe", "1"));
        var admin = await factory.ClientForAsync(Roles.Admin);

        var second = Rows(await admin.GetDocumentAsync("/admin/audit?entity=DateProbe&from=2020-03-02&to=2020-03-02"));
        var first = Rows(await admin.GetDocumentAsync("/admin/audit?entity=DateProbe&from=2020-03-01&to=2020-03-01"));
        var both = await admin.GetDocumentAsync("/admin/audit?entity=DateProbe&from=2020-03-01&to=2020-03-02");
        var none = Rows(await admin.GetDocumentAsync("/admin/audit?entity=DateProbe&from=2020-03-03"));

        Assert.Equal("2020-03-02 00:30:00", Assert.Single(second)[0]);
        Assert.Equal("2020-03-01 23:30:00", Assert.Single(first)[0]);
        Assert.Equal(["2020-03-02 00:30:00", "2020-03-01 23:30:00"], Rows(both).Select(r => r[0]));
        Assert.Equal("2020-03-01T15:30:00Z", both.QuerySelector("tbody time")?.GetAttribute("datetime"));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Index_Changes_AreListedAsFromToAndEncoded()
    {
        await AddAuditRowsAsync(new AuditEntry(DateTime.UtcNow, AuditAction.Updated, null, "probe", null)
            .About("ChangeProbe", "7")
            .WithChanges("""{"Name":{"from":"<b>옛 이름</b>","to":"새 이름"},"IsActive":{"from":true,"to":false},"Note":{"to":null}}""")
            .WithDetail("<script>alert(1)</script>"));
        var admin = await factory.ClientForAsync(Roles.Admin);

        var document = await admin.GetDocumentAsync("/admin/audit?entity=ChangeProbe");

        var row = Assert.Single(document.QuerySelectorAll("tbody tr"));
        var changes = row.Children[ChangesColumn].QuerySelectorAll("li").Select(li => li.Text()).ToList();
        Assert.Equal(["Name: <b>옛 이름</b> → 새 이름", "IsActive: 예 → 아니요", "Note: (없음)"], changes);
        Assert.Null(row.QuerySelector("b"));
        Assert.Null(row.QuerySelector("script"));
        Assert.Equal("<script>alert(1)</script>", row.Children[DetailColumn].Text());
    }

    [Fact]
    public async Task Index_Paging_FiftyPerPageNewestFirstKeepingTheFilters()
    {
        var start = new DateTime(2021, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddAuditRowsAsync(Enumerable.Range(1, 55)
            .Select(i => new AuditEntry(start.AddMinutes(i), AuditAction.Created, null, "probe", null).About("PageProbe", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray());
        var admin = await factory.ClientForAsync(Roles.Admin);

        var first = await admin.GetDocumentAsync("/admin/audit?entity=PageProbe");
        var next = first.QuerySelector("a[rel='next']")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Contains("entity=PageProbe", next, StringComparison.Ordinal);
        var second = await admin.GetDocumentAsync(next);

        var firstRows = Rows(first);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal("55", firstRows[0][5]);
        Assert.Equal("6", firstRows[^1][5]);
        Assert.Equal(["5", "4", "3", "2", "1"], Rows(second).Select(r => r[5]));
        Assert.Null(second.QuerySelector("a[rel='next']"));
        Assert.NotNull(second.QuerySelector("a[rel='prev']"));
    }

    [Fact]
    public async Task Index_FromAfterTo_ShowsAKoreanMessageBesideTheField()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);

        var document = await admin.GetDocumentAsync("/admin/audit?from=2026-02-01&to=2026-01-01");

        var from = document.QuerySelector("#audit-from")!;
        Assert.Equal("true", from.GetAttribute("aria-invalid"));
        Assert.Equal("audit-from-error", from.GetAttribute("aria-describedby"));
        Assert.Equal("2026-02-01", from.GetAttribute("value"));
        Assert.Equal(AuditSearchModel.DateAfterEnd, document.QuerySelector("#audit-from-error")?.Text());
        Assert.Null(document.QuerySelector("main table"));
    }

    [Fact]
    public async Task Index_DateThatIsNotADate_ShowsAKoreanMessage()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);

        var document = await admin.GetDocumentAsync("/admin/audit?to=soon");

        Assert.Equal(AuditSearchModel.DateFormat, document.QuerySelector("#audit-to-error")?.Text());
        Assert.Equal("soon", document.QuerySelector("#audit-to")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.DepartmentOfficer)]
    [InlineData(Roles.CommitteeMember)]
    public async Task Index_OtherRoles_AreDenied(string role)
    {
        var client = await factory.ClientForAsync(role, role == Roles.DepartmentOfficer ? PortalFactory.OwnDepartment : null);

        using var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.True(RedirectsTo(response, "/account/denied"), $"{role}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Index_Anonymous_IsSentToSignIn()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/admin/audit?user=x", UriKind.Relative));

        Assert.True(RedirectsTo(response, "/account/signin"), $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Post_IsNotARoute()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);

        using var response = await admin.PostFormAsync("/account/change-password", "/admin/audit", new() { ["user"] = "x" });

        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"POST /admin/audit answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task AuditRows_CannotBeChangedOrDeletedThroughTheContext()
    {
        await AddAuditRowsAsync(new AuditEntry(DateTime.UtcNow, AuditAction.SignIn, null, "append-only-probe", null).WithDetail("original"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.AuditEntries.SingleAsync(e => e.UserName == "append-only-probe");
            row.WithDetail("tampered");
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.UserName == "append-only-probe"));
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        var stored = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.UserName == "append-only-probe"));
        Assert.Equal("original", stored.Detail);
    }

    [Fact]
    public async Task SaveChanges_WhenTheDataFails_NeitherTheChangeNorItsAuditRowIsKept()
    {
        var auditRowsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var own = await db.Departments.SingleAsync(d => d.Name == PortalFactory.OwnDepartment);
            var other = await db.Departments.AsNoTracking().SingleAsync(d => d.Name == PortalFactory.OtherDepartment);
            db.Entry(own).Property(d => d.Name).CurrentValue = "이름을바꾼과";

            // Same (government, name) as an existing department: the unique index fails
            // in the same SaveChanges as the rename.
            db.Departments.Add(new Department(own.LocalGovernment, other.Name));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.True(await factory.WithDbAsync(db => db.Departments.AnyAsync(d => d.Name == PortalFactory.OwnDepartment)));
        Assert.False(await factory.WithDbAsync(db => db.Departments.AnyAsync(d => d.Name == "이름을바꾼과")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Departments.CountAsync(d => d.Name == PortalFactory.OtherDepartment)));
        Assert.Equal(auditRowsBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Changes != null && e.Changes.Contains("이름을바꾼과"))));
    }

    /// <summary>The cookie handler's challenge and forbid answer with absolute locations (https://localhost/…).</summary>
    private static bool RedirectsTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && string.Equals(location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0], path, StringComparison.OrdinalIgnoreCase);

    private static List<string[]> Rows(IDocument document) =>
        document.QuerySelectorAll("main table tbody tr")
            .Select(tr => tr.Children.Select(cell => cell.Text()).ToArray())
            .ToList();

    private Task<int> AddAuditRowsAsync(params AuditEntry[] rows) =>
        factory.WithDbAsync(db =>
        {
            db.AuditEntries.AddRange(rows);
            return db.SaveChangesAsync();
        });
}
