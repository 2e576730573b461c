using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Features.AdminUsers;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.AdminUsers;

public class AdminUsersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string UserRoleEntity = "IdentityUserRole";

    /// <summary>Every route of the feature, as another test's authorization matrix expects them.</summary>
    private static readonly (string Method, string Route)[] AllRoutes =
    [
        ("GET", "/admin/users"),
        ("GET", "/admin/users/new"),
        ("POST", "/admin/users/new"),
        ("GET", "/admin/users/{id}/edit"),
        ("POST", "/admin/users/{id}/edit"),
        ("POST", "/admin/users/{id}/deactivate"),
        ("POST", "/admin/users/{id}/activate"),
        ("POST", "/admin/users/{id}/reset-password"),
        ("POST", "/admin/users/{id}/unlock"),
    ];

    public static TheoryData<string, string> Routes => Data(AllRoutes);

    public static TheoryData<string, string> RoutesWithId => Data(AllRoutes.Where(r => r.Route.Contains("{id}", StringComparison.Ordinal)));

    public static TheoryData<string, string> PostRoutes => Data(AllRoutes.Where(r => r.Method == "POST"));

    [Fact]
    public async Task Index_Admin_ListsNamesKoreanRolesDepartmentsAndStatus()
    {
        var name = Unique("list");
        await factory.CreateUserAsync(name, Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var admin = await factory.ClientForAsync(Roles.Admin);

        var document = await admin.GetDocumentAsync($"/admin/users?q={name.ToUpperInvariant()}");

        var row = Assert.Single(Rows(document));
        Assert.Equal([name, "테스트 사업담당자", "성북구", "사업담당자", $"성북구 {PortalFactory.OwnDepartment}", "활성"], row);
        AssertAccessible(document);
        var table = document.QuerySelector("main table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.All(table.QuerySelectorAll("th"), th => Assert.False(string.IsNullOrEmpty(th.GetAttribute("scope")), th.TextContent));
    }

    [Fact]
    public async Task Index_FilterByRoleAndStatus_ShowsOnlyMatchingAccounts()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var active = $"fa-{tag}";
        var inactive = $"fi-{tag}";
        var member = $"fm-{tag}";
        await factory.CreateUserAsync(active, Roles.Viewer);
        var gone = await factory.CreateUserAsync(inactive, Roles.Viewer);
        await factory.CreateUserAsync(member, Roles.CommitteeMember);
        await WithUsersAsync(async users =>
        {
            var stored = await users.FindByIdAsync(gone.Id);
            stored!.IsActive = false;
            await users.UpdateAsync(stored);
        });
        var admin = await factory.ClientForAsync(Roles.Admin);

        var viewers = Rows(await admin.GetDocumentAsync($"/admin/users?q={tag}&role={Roles.Viewer}")).Select(r => r[0]);
        var inactiveViewers = Rows(await admin.GetDocumentAsync($"/admin/users?q={tag}&role={Roles.Viewer}&status=inactive"));
        var activeOnes = Rows(await admin.GetDocumentAsync($"/admin/users?q={tag}&status=active")).Select(r => r[0]);

        Assert.Equal([active, inactive], viewers.Order(StringComparer.Ordinal));
        var row = Assert.Single(inactiveViewers);
        Assert.Equal(inactive, row[0]);
        Assert.Equal("비활성", row[5]);
        Assert.Equal([active, member], activeOnes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_OfficerWithDepartment_StoresAccountWithTemporaryPasswordShownOnce()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var name = Unique("new");
        var department = await DepartmentIdAsync(PortalFactory.OwnDepartment);

        using var response = await PostAsync(admin, "/admin/users/new", "/admin/users/new",
            ("Input.UserName", name), ("Input.DisplayName", "김신규"), ("Input.Roles", Roles.DepartmentOfficer), ("Input.Roles", Roles.Viewer), ("Input.DepartmentIds", Id(department)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editUrl = response.Headers.Location!.OriginalString;
        var id = await WithUsersAsync(async users => (await users.FindByNameAsync(name))!.Id);
        Assert.Equal($"/admin/users/{id}/edit", editUrl);

        var first = await admin.GetDocumentAsync(editUrl);
        var password = first.QuerySelector("#temporary-password")?.TextContent;
        Assert.NotNull(password);
        Assert.Equal(TemporaryPassword.Length, password.Length);
        AssertAccessible(first);
        var again = await admin.GetDocumentAsync(editUrl);
        Assert.Null(again.QuerySelector("#temporary-password"));
        Assert.DoesNotContain(password, again.Body!.InnerHtml, StringComparison.Ordinal);

        var (user, roles, departments) = await StoredAsync(id);
        Assert.Equal("김신규", user.DisplayName);
        Assert.True(user.IsActive);
        Assert.True(user.MustChangePassword);
        Assert.Equal([Roles.DepartmentOfficer, Roles.Viewer], roles.Order(StringComparer.Ordinal));
        Assert.Equal([department], departments);
        Assert.True(await WithUsersAsync(users => users.CheckPasswordAsync(user, password)));

        var audit = await AuditAsync(a => a.Action == AuditAction.Created && a.EntityId != null && a.EntityId.StartsWith(id));
        Assert.Contains(audit, a => a.EntityType == nameof(AppUser) && a.EntityId == id);
        Assert.Contains(audit, a => a.EntityType == nameof(UserDepartment));
        Assert.Equal(2, audit.Count(a => a.EntityType == UserRoleEntity));
        Assert.DoesNotContain(audit, a => a.Changes?.Contains(password, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Create_BadInput_KeepsWhatWasTypedAndShowsKoreanErrorsBesideTheFields()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var name = $"{Unique("bad")} 홍";

        using var response = await PostAsync(admin, "/admin/users/new", "/admin/users/new",
            ("Input.UserName", name), ("Input.DisplayName", string.Empty), ("Input.Roles", Roles.DepartmentOfficer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Equal(name, document.QuerySelector("#Input_UserName")!.GetAttribute("value"));
        Assert.Contains("영문, 숫자", document.QuerySelector("#Input_UserName-error")!.Text(), StringComparison.Ordinal);
        Assert.True(document.QuerySelector($"#Input_Roles_{Roles.DepartmentOfficer}")!.HasAttribute("checked"));
        Assert.False(document.QuerySelector($"#Input_Roles_{Roles.Viewer}")!.HasAttribute("checked"));
        Assert.Equal("이름을 입력하세요.", document.QuerySelector("#Input_DisplayName-error")!.Text());
        Assert.Equal("Input_DisplayName-error", document.QuerySelector("#Input_DisplayName")!.GetAttribute("aria-describedby"));
        Assert.Equal(UserDetailsEditModel.DepartmentRequired, document.QuerySelector("#Input_DepartmentIds-error")!.Text());
        AssertAccessible(document);
        Assert.Null(await WithUsersAsync(users => users.FindByNameAsync(name)));
    }

    [Fact]
    public async Task Create_NoRoleAndTakenName_AreRefusedInKorean()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var taken = Unique("taken");
        await factory.CreateUserAsync(taken, Roles.Viewer);

        using var noRole = await PostAsync(admin, "/admin/users/new", "/admin/users/new", ("Input.UserName", Unique("norole")), ("Input.DisplayName", "역할없음"));
        using var duplicate = await PostAsync(admin, "/admin/users/new", "/admin/users/new",
            ("Input.UserName", taken.ToUpperInvariant()), ("Input.DisplayName", "중복"), ("Input.Roles", Roles.Viewer));

        Assert.Equal(UserDetailsEditModel.RolesRequired, (await noRole.DocumentAsync()).QuerySelector("#Input_Roles-error")!.Text());
        var document = await duplicate.DocumentAsync();
        Assert.Contains("이미 사용 중입니다", document.QuerySelector("#Input_UserName-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("중복", document.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Edit_RolesAndDepartments_AreSavedAudited_AndTheUsersSessionRevalidates()
    {
        var name = Unique("edit");
        var user = await factory.CreateUserAsync(name, Roles.Viewer);
        var session = await factory.SignInAsync(name);
        var stampBefore = (await StoredAsync(user.Id)).User.SecurityStamp;
        var admin = await factory.ClientForAsync(Roles.Admin);
        var department = await DepartmentIdAsync(PortalFactory.OtherDepartment);
        var editUrl = $"/admin/users/{user.Id}/edit";
        var form = await admin.GetDocumentAsync(editUrl);
        AssertAccessible(form);
        Assert.True(form.QuerySelector($"#Input_Roles_{Roles.Viewer}")!.HasAttribute("checked"));
        var since = DateTime.UtcNow;

        using var response = await PostAsync(admin, editUrl, editUrl,
            ("Input.ConcurrencyStamp", Stamp(form)), ("Input.DisplayName", "바뀐 이름"), ("Input.Roles", Roles.DepartmentOfficer), ("Input.DepartmentIds", Id(department)));

        Assert.True(response.IsRedirectTo(editUrl), response.Headers.Location?.ToString());
        var (stored, roles, departments) = await StoredAsync(user.Id);
        Assert.Equal("바뀐 이름", stored.DisplayName);
        Assert.Equal([Roles.DepartmentOfficer], roles);
        Assert.Equal([department], departments);
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        var audit = await AuditAsync(a => a.OccurredAtUtc >= since && a.EntityId != null && a.EntityId.StartsWith(user.Id));
        Assert.Contains(audit, a => a.EntityType == nameof(AppUser) && a.Action == AuditAction.Updated && a.Changes!.Contains("바뀐 이름", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == UserRoleEntity && a.Action == AuditAction.Deleted);
        Assert.Contains(audit, a => a.EntityType == UserRoleEntity && a.Action == AuditAction.Created);
        Assert.Contains(audit, a => a.EntityType == nameof(UserDepartment) && a.Action == AuditAction.Created);

        using var after = await session.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.True(IsRedirectToPath(after, "/account/signin"), after.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Edit_OverPostedAccessFields_AreIgnored()
    {
        var target = await factory.CreateUserAsync(Unique("over"), Roles.Viewer);
        var bystander = await factory.CreateUserAsync(Unique("other"), Roles.Viewer);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var editUrl = $"/admin/users/{target.Id}/edit";
        var form = await admin.GetDocumentAsync(editUrl);

        using var response = await PostAsync(admin, editUrl, editUrl,
            ("Input.ConcurrencyStamp", Stamp(form)),
            ("Input.DisplayName", "이름만 바뀜"),
            ("Input.Roles", Roles.Viewer),
            ("IsActive", "false"), ("Input.IsActive", "false"),
            ("MustChangePassword", "true"), ("Input.MustChangePassword", "true"),
            ("LockoutEnd", "2099-01-01"), ("Input.LockoutEnd", "2099-01-01"),
            ("TwoFactorEnabled", "true"), ("Input.TwoFactorEnabled", "true"),
            ("UserName", "hijacked"), ("Input.UserName", "hijacked"),
            ("DisplayName", "최상위 이름"),
            ("id", bystander.Id), ("Id", bystander.Id), ("Input.Id", bystander.Id));

        Assert.True(response.IsRedirectTo(editUrl), response.Headers.Location?.ToString());
        var (stored, roles, _) = await StoredAsync(target.Id);
        Assert.Equal("이름만 바뀜", stored.DisplayName);
        Assert.Equal(target.UserName, stored.UserName);
        Assert.True(stored.IsActive);
        Assert.False(stored.MustChangePassword);
        Assert.Null(stored.LockoutEnd);
        Assert.False(stored.TwoFactorEnabled);
        Assert.Equal([Roles.Viewer], roles);
        Assert.Equal("테스트 열람자", (await StoredAsync(bystander.Id)).User.DisplayName);
    }

    [Fact]
    public async Task Edit_StaleForm_ShowsTheCurrentValuesAndKeepsWhatWasTyped()
    {
        var user = await factory.CreateUserAsync(Unique("stale"), Roles.Viewer);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var editUrl = $"/admin/users/{user.Id}/edit";
        var stale = Stamp(await admin.GetDocumentAsync(editUrl));
        using (var first = await PostAsync(admin, editUrl, editUrl, ("Input.ConcurrencyStamp", stale), ("Input.DisplayName", "먼저 저장"), ("Input.Roles", Roles.Viewer)))
        {
            Assert.True(first.IsRedirectTo(editUrl));
        }

        using var second = await PostAsync(admin, editUrl, editUrl, ("Input.ConcurrencyStamp", stale), ("Input.DisplayName", "나중 저장"), ("Input.Roles", Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var document = await second.DocumentAsync();
        Assert.Contains(UserAdministration.Conflict, document.QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Contains("먼저 저장", document.QuerySelector(".portal-note")!.Text(), StringComparison.Ordinal);
        Assert.Equal("나중 저장", document.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("먼저 저장", (await StoredAsync(user.Id)).User.DisplayName);
        Assert.NotEqual(stale, Stamp(document));
    }

    [Fact]
    public async Task Deactivate_EndsSessionsAndSignIn_ActivateRestoresIt()
    {
        var name = Unique("off");
        var user = await factory.CreateUserAsync(name, Roles.Viewer);
        var session = await factory.SignInAsync(name);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var editUrl = $"/admin/users/{user.Id}/edit";

        using (var response = await PostAsync(admin, editUrl, $"/admin/users/{user.Id}/deactivate"))
        {
            Assert.True(response.IsRedirectTo(editUrl), response.Headers.Location?.ToString());
        }

        Assert.False((await StoredAsync(user.Id)).User.IsActive);
        Assert.Contains(await AuditAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id && a.Action == AuditAction.Updated),
            a => a.Changes!.Contains("\"IsActive\":{\"from\":true,\"to\":false}", StringComparison.Ordinal));
        Assert.Contains("비활성", (await admin.GetDocumentAsync(editUrl)).QuerySelector("#account-status")!.Text(), StringComparison.Ordinal);
        using (var open = await session.GetAsync(new Uri("/plans", UriKind.Relative)))
        {
            Assert.True(IsRedirectToPath(open, "/account/signin"), open.Headers.Location?.ToString());
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(name));
        Assert.NotNull(await WithUsersAsync(users => users.FindByIdAsync(user.Id)));

        using (var response = await PostAsync(admin, editUrl, $"/admin/users/{user.Id}/activate"))
        {
            Assert.True(response.IsRedirectTo(editUrl), response.Headers.Location?.ToString());
        }

        Assert.True((await StoredAsync(user.Id)).User.IsActive);
        using var back = await (await factory.SignInAsync(name)).GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Deactivate_OwnAccount_IsRefused()
    {
        var name = Unique("self");
        var self = await factory.CreateUserAsync(name, Roles.Admin);
        var client = await factory.SignInAsync(name);
        var editUrl = $"/admin/users/{self.Id}/edit";
        Assert.Null((await client.GetDocumentAsync(editUrl)).QuerySelector($"form[action='/admin/users/{self.Id}/deactivate']"));

        using var response = await PostAsync(client, editUrl, $"/admin/users/{self.Id}/deactivate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(UserAdministration.SelfDeactivation, (await response.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.True((await StoredAsync(self.Id)).User.IsActive);
    }

    [Fact]
    public async Task Edit_RemovingOwnAdminRole_IsRefused()
    {
        var name = Unique("selfrole");
        var self = await factory.CreateUserAsync(name, Roles.Admin);
        var client = await factory.SignInAsync(name);
        var editUrl = $"/admin/users/{self.Id}/edit";
        var form = await client.GetDocumentAsync(editUrl);

        using var response = await PostAsync(client, editUrl, editUrl, ("Input.ConcurrencyStamp", Stamp(form)), ("Input.DisplayName", "자기 자신"), ("Input.Roles", Roles.Viewer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.DocumentAsync();
        Assert.Equal(UserAdministration.SelfAdminRemoval, document.QuerySelector("#Input_Roles-error")!.Text());
        Assert.Equal("자기 자신", document.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal([Roles.Admin], (await StoredAsync(self.Id)).Roles);
    }

    [Fact]
    public async Task ResetPassword_TemporaryPasswordSignsIn_AndEveryPageLeadsToTheChangeForm()
    {
        var name = Unique("reset");
        var user = await factory.CreateUserAsync(name, Roles.Viewer);
        var oldSession = await factory.SignInAsync(name);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var editUrl = $"/admin/users/{user.Id}/edit";

        using (var response = await PostAsync(admin, editUrl, $"/admin/users/{user.Id}/reset-password"))
        {
            Assert.True(response.IsRedirectTo(editUrl), response.Headers.Location?.ToString());
        }

        var password = (await admin.GetDocumentAsync(editUrl)).QuerySelector("#temporary-password")?.TextContent;
        Assert.NotNull(password);
        var stored = (await StoredAsync(user.Id)).User;
        Assert.True(stored.MustChangePassword);
        Assert.True(await WithUsersAsync(users => users.CheckPasswordAsync(stored, password)));
        Assert.False(await WithUsersAsync(users => users.CheckPasswordAsync(stored, PortalFactory.TestPassword)));
        Assert.Contains(await AuditAsync(a => a.Action == AuditAction.PasswordReset), a => a.UserId == user.Id && a.UserName == name);
        Assert.Contains(await AuditAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id && a.Action == AuditAction.Updated),
            a => a.Changes!.Contains("MustChangePassword", StringComparison.Ordinal));
        using (var old = await oldSession.GetAsync(new Uri("/plans", UriKind.Relative)))
        {
            Assert.True(IsRedirectToPath(old, "/account/signin"), old.Headers.Location?.ToString());
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(name));
        var client = await factory.SignInAsync(name, password);
        foreach (var page in new[] { "/", "/plans", "/my/subprojects", "/admin/users" })
        {
            using var blocked = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(blocked.IsRedirectTo("/account/change-password"), $"{page}: {blocked.Headers.Location}");
        }
    }

    [Fact]
    public async Task Unlock_ClearsTheLockoutAndIsAudited()
    {
        var name = Unique("locked");
        var user = await factory.CreateUserAsync(name, Roles.Viewer);
        await WithUsersAsync(async users =>
        {
            var stored = await users.FindByIdAsync(user.Id);
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(stored!);
            }

            return true;
        });
        Assert.True((await StoredAsync(user.Id)).User.LockoutEnd > DateTimeOffset.UtcNow);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var locked = Rows(await admin.GetDocumentAsync($"/admin/users?q={name}&status=locked"));
        Assert.Equal("잠김", Assert.Single(locked)[5]);
        var editUrl = $"/admin/users/{user.Id}/edit";
        Assert.NotNull((await admin.GetDocumentAsync(editUrl)).QuerySelector($"form[action='/admin/users/{user.Id}/unlock']"));

        using (var response = await PostAsync(admin, editUrl, $"/admin/users/{user.Id}/unlock"))
        {
            Assert.True(response.IsRedirectTo(editUrl), response.Headers.Location?.ToString());
        }

        var stored = (await StoredAsync(user.Id)).User;
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Contains(await AuditAsync(a => a.Action == AuditAction.Unlocked), a => a.UserId == user.Id && a.UserName == name);
        using var open = await (await factory.SignInAsync(name)).GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Routes_CoordinatorAndViewer_AreSentToTheDeniedPage(string method, string route)
    {
        var target = await factory.CreateUserAsync(Unique("target"), Roles.Viewer);
        var url = route.Replace("{id}", target.Id, StringComparison.Ordinal);
        foreach (var role in new[] { Roles.Coordinator, Roles.Viewer, Roles.DepartmentOfficer, Roles.CommitteeMember })
        {
            var client = await factory.ClientForAsync(role, role == Roles.DepartmentOfficer ? PortalFactory.OwnDepartment : null);

            using var response = method == "GET"
                ? await client.GetAsync(new Uri(url, UriKind.Relative))
                : await PostAsync(client, "/", url, ("Input.UserName", Unique("sneak")), ("Input.DisplayName", "침입"), ("Input.Roles", Roles.Admin));

            Assert.True(IsRedirectToPath(response, "/account/denied"), $"{role} {method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        var (stored, roles, _) = await StoredAsync(target.Id);
        Assert.Equal("테스트 열람자", stored.DisplayName);
        Assert.True(stored.IsActive);
        Assert.False(stored.MustChangePassword);
        Assert.Equal([Roles.Viewer], roles);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Routes_Anonymous_AreSentToSignIn(string method, string route)
    {
        var url = route.Replace("{id}", "any-id", StringComparison.Ordinal);
        var client = factory.CreateClient();
        using var content = new FormUrlEncodedContent([]);

        using var response = method == "GET"
            ? await client.GetAsync(new Uri(url, UriKind.Relative))
            : await client.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.True(IsRedirectToPath(response, "/account/signin"), $"{method} {url}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [MemberData(nameof(RoutesWithId))]
    public async Task Routes_UnknownId_AreNotFound(string method, string route)
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var url = route.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        using var response = method == "GET"
            ? await admin.GetAsync(new Uri(url, UriKind.Relative))
            : await PostAsync(admin, "/admin/users", url, ("Input.DisplayName", "없음"), ("Input.Roles", Roles.Viewer));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Routes_PostWithoutAntiforgeryToken_IsRefused(string method, string route)
    {
        Assert.Equal("POST", method);
        var target = await factory.CreateUserAsync(Unique("csrf"), Roles.Viewer);
        var admin = await factory.ClientForAsync(Roles.Admin);
        var url = route.Replace("{id}", target.Id, StringComparison.Ordinal);
        using var content = new FormUrlEncodedContent([new("Input.UserName", Unique("csrf")), new("Input.DisplayName", "위조"), new("Input.Roles", Roles.Viewer)]);

        using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = (await StoredAsync(target.Id)).User;
        Assert.True(stored.IsActive);
        Assert.False(stored.MustChangePassword);
    }

    /// <summary>Challenges and denials answer with an absolute address (https://localhost/account/…?ReturnUrl=…).</summary>
    private static bool IsRedirectToPath(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location is { } location
        && string.Equals(new Uri(new Uri("https://localhost"), location).AbsolutePath, path, StringComparison.Ordinal);

    private static TheoryData<string, string> Data(IEnumerable<(string Method, string Route)> routes)
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, route) in routes)
        {
            data.Add(method, route);
        }

        return data;
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Stamp(IDocument form) =>
        form.QuerySelector("#Input_ConcurrencyStamp")?.GetAttribute("value") ?? throw new InvalidOperationException("The edit form has no concurrency stamp.");

    /// <summary>Each body row's cells (the 아이디 header cell first), as text.</summary>
    private static List<string[]> Rows(IDocument document) =>
        document.QuerySelectorAll("main table tbody tr")
            .Select(tr => tr.Children.Select(cell => cell.Text()).ToArray())
            .ToList();

    /// <summary>The structural part of axe's WCAG rules that server-rendered HTML shows (BrowserTests run axe itself).</summary>
    private static void AssertAccessible(IDocument document)
    {
        Assert.Single(document.QuerySelectorAll("h1"));
        var previous = 0;
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            Assert.True(level <= previous + 1, $"<{heading.LocalName}>{heading.TextContent}</{heading.LocalName}> skips a level");
            previous = level;
        }

        Assert.All(document.QuerySelectorAll("main input:not([type='hidden']), main select, main textarea"), field =>
            Assert.True(document.QuerySelector($"label[for='{field.Id}']") is not null, $"{field.Id} has no label"));
        Assert.All(document.QuerySelectorAll("main fieldset"), fieldset => Assert.NotNull(fieldset.QuerySelector("legend")));
        Assert.All(document.QuerySelectorAll("[aria-describedby]"), element =>
            Assert.All(element.GetAttribute("aria-describedby")!.Split(' '), id => Assert.NotNull(document.GetElementById(id))));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(document.QuerySelectorAll("script:not([src]), style, [style]"));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPageUrl, string actionUrl, params (string Key, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(formPageUrl);
        using var content = new FormUrlEncodedContent(fields
            .Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> action) =>
        await WithUsersAsync(async users =>
        {
            await action(users);
            return true;
        });

    private async Task<(AppUser User, IList<string> Roles, List<int> Departments)> StoredAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}.");
        var departments = await db.UserDepartments.Where(d => d.UserId == id).Select(d => d.DepartmentId).ToListAsync();
        return (user, await users.GetRolesAsync(user), departments);
    }

    private Task<int> DepartmentIdAsync(string name) =>
        factory.WithDbAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    private Task<List<AuditEntry>> AuditAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> filter) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(filter).ToListAsync());
}
