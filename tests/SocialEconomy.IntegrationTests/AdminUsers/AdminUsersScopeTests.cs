using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Features.AdminUsers;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.AdminUsers;

/// <summary>User administration across governments: what a 기관관리자 reaches, and a 시스템관리자's move.</summary>
public class AdminUsersScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task GovernmentAdminOfB_AccountsOfA_AreNotFoundUnlistedAndUnchanged()
    {
        var b = await factory.AddGovernmentAsync($"나{Guid.NewGuid():N}"[..8]);
        var adminOfB = await factory.ClientInAsync(b, Roles.GovernmentAdmin);
        var ofA = await factory.CreateUserAsync($"t-ofa-{Guid.NewGuid():N}"[..20], Roles.Viewer);
        var edit = $"/admin/users/{ofA.Id}/edit";

        using var read = await adminOfB.GetAsync(new Uri(edit, UriKind.Relative));
        using var save = await PostAsync(adminOfB, edit, ("Input.DisplayName", "가로챔"), ("Input.Roles", Roles.Coordinator));
        using var reset = await PostAsync(adminOfB, $"/admin/users/{ofA.Id}/reset-password");
        using var deactivate = await PostAsync(adminOfB, $"/admin/users/{ofA.Id}/deactivate");
        var list = await adminOfB.GetDocumentAsync($"/admin/users?q={ofA.UserName}");

        Assert.All(new[] { read.StatusCode, save.StatusCode, reset.StatusCode, deactivate.StatusCode }, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Empty(list.QuerySelectorAll("main table tbody tr"));
        var stored = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == ofA.Id));
        Assert.Equal((ofA.DisplayName, true, ofA.PasswordHash, ofA.SecurityStamp), (stored.DisplayName, stored.IsActive, stored.PasswordHash, stored.SecurityStamp));
    }

    [Fact]
    public async Task GovernmentAdmin_CannotGrantSystemAdministrator_AndCreatesOnlyInOwnGovernment()
    {
        var b = await factory.AddGovernmentAsync($"다{Guid.NewGuid():N}"[..8]);
        var seeded = await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.ShortName == "성북구").Select(g => g.Id).SingleAsync());
        var adminOfB = await factory.ClientInAsync(b, Roles.GovernmentAdmin);
        var refusedName = $"t-adm-{Guid.NewGuid():N}"[..20];
        var createdName = $"t-own-{Guid.NewGuid():N}"[..20];

        using var refused = await PostAsync(adminOfB, "/admin/users/new", ("Input.UserName", refusedName), ("Input.DisplayName", "권한 상승"), ("Input.Roles", Roles.Admin));
        using var created = await PostAsync(adminOfB, "/admin/users/new", ("Input.UserName", createdName), ("Input.DisplayName", "새 사용자"), ("Input.Roles", Roles.Viewer), ("Input.LocalGovernmentId", seeded.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var form = await adminOfB.GetDocumentAsync("/admin/users/new");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(UserAdministration.AdminRoleRefused, (await refused.DocumentAsync()).QuerySelector("#Input_Roles-error")!.Text());
        Assert.Null(form.QuerySelector($"#Input_Roles_{Roles.Admin}"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == refusedName)));
        Assert.Equal(b, await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == createdName).Select(u => u.LocalGovernmentId).SingleAsync()));
    }

    [Fact]
    public async Task Move_BySystemAdministrator_ResetsRolesAndDepartmentsChangesStampAndAuditsBothGovernments()
    {
        var b = await factory.AddGovernmentAsync($"라{Guid.NewGuid():N}"[..8]);
        var person = await factory.CreateUserAsync($"t-move-{Guid.NewGuid():N}"[..20], Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var from = person.LocalGovernmentId;
        var admin = await factory.ClientForAsync(Roles.Admin);
        var edit = $"/admin/users/{person.Id}/edit";
        var fields = (await admin.GetDocumentAsync(edit)).FormFields("form[action$='/move']");
        fields["Move.LocalGovernmentId"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await admin.PostFormAsync(edit, $"/admin/users/{person.Id}/move", fields);

        Assert.True(response.IsRedirectTo(edit), response.Headers.Location?.ToString());
        var stored = await factory.WithDbAsync(db => db.Users.Include(u => u.Departments).SingleAsync(u => u.Id == person.Id));
        Assert.Equal(b, stored.LocalGovernmentId);
        Assert.Empty(stored.Departments);
        Assert.NotEqual(person.SecurityStamp, stored.SecurityStamp);
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == person.Id)));
        var rows = await factory.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.UserId == person.Id && a.Action == AuditAction.Updated && a.Detail!.StartsWith("소속 기관 변경"))
            .Select(a => new { a.LocalGovernmentId, a.Detail })
            .ToListAsync());
        Assert.Equal([from, b], rows.Select(r => r.LocalGovernmentId!.Value).Order());
        Assert.All(rows, r => Assert.Contains("서울특별시 성북구 → ", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Move_ByGovernmentAdmin_IsDenied()
    {
        var b = await factory.AddGovernmentAsync($"마{Guid.NewGuid():N}"[..8]);
        var person = await factory.CreateUserAsync($"t-stay-{Guid.NewGuid():N}"[..20], Roles.Viewer);
        var adminOfSeeded = await factory.ClientForAsync(Roles.GovernmentAdmin);

        using var response = await PostAsync(adminOfSeeded, $"/admin/users/{person.Id}/move", ("Move.LocalGovernmentId", b.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(response.IsRedirectTo("/account/denied"), response.Headers.Location?.ToString());
        Assert.Equal(person.LocalGovernmentId, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.LocalGovernmentId).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string actionUrl, params (string Key, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync("/account/change-password");
        using var content = new FormUrlEncodedContent(fields
            .Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }
}
