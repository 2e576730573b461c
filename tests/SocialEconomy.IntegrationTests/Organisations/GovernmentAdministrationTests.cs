using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Features.AdminGovernments;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Organisations;

public class GovernmentAdministrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_Valid_SavesTheGovernmentWithItsDefaultFrameworks()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var name = $"시험도 {Guid.NewGuid():N}"[..16];

        using var response = await admin.PostFormAsync("/admin/governments/new", "/admin/governments/new", new()
        {
            ["Input.Level"] = "Local",
            ["Input.Name"] = name,
            ["Input.ShortName"] = "시험군",
            ["Input.Code"] = "4999001",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.LocalGovernments.SingleAsync(g => g.Name == name));
        Assert.Equal(("시험군", "4999001", true), (stored.ShortName, stored.Code, stored.IsActive));
        Assert.Equal(2, await factory.WithDbAsync(db => db.EvaluationFrameworks.IgnoreQueryFilters().CountAsync(f => f.LocalGovernmentId == stored.Id && f.IsDefault)));
        Assert.Contains(name, (await admin.GetDocumentAsync("/admin/governments")).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateNameAndCode_RefusedBesideTheFieldsKeepingWhatWasTyped()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var before = await factory.WithDbAsync(db => db.LocalGovernments.CountAsync());

        using var response = await admin.PostFormAsync("/admin/governments/new", "/admin/governments/new", new()
        {
            ["Input.Level"] = "Local",
            ["Input.Name"] = GovernmentSeeder.ReferenceName,
            ["Input.ShortName"] = "중복구",
            ["Input.Code"] = GovernmentSeeder.ReferenceCode,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.DocumentAsync();
        Assert.Contains("이미 있습니다", page.QuerySelector("#Input_Name-error")!.Text(), StringComparison.Ordinal);
        Assert.Contains(GovernmentSeeder.ReferenceName, page.QuerySelector("#Input_Code-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("중복구", page.QuerySelector("#Input_ShortName")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.LocalGovernments.CountAsync()));
    }

    [Fact]
    public async Task Edit_RenameAndPlaceUnderProvince_Saved_AndAStaleFormIsAConflict()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var province = await factory.AddGovernmentAsync($"도{Guid.NewGuid():N}"[..8], Domain.Organization.GovernmentLevel.Province);
        var id = await factory.AddGovernmentAsync($"군{Guid.NewGuid():N}"[..8]);
        var url = $"/admin/governments/{Id(id)}/edit";
        var form = (await admin.GetDocumentAsync(url)).FormFields("form[action$='/edit']");
        var newName = $"새이름 {Guid.NewGuid():N}"[..14];
        form["Input.Name"] = newName;
        form["Input.ParentId"] = Id(province);

        using var saved = await admin.PostFormAsync(url, url, form);
        form["Input.Name"] = "늦은 저장";
        using var stale = await admin.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDbAsync(db => db.LocalGovernments.SingleAsync(g => g.Id == id));
        Assert.Equal((newName, (int?)province), (stored.Name, stored.ParentId));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.DocumentAsync();
        Assert.Contains(GovernmentAdministration.Conflict, page.QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal("늦은 저장", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(newName, await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.Id == id).Select(g => g.Name).SingleAsync()));
    }

    [Fact]
    public async Task Deactivate_WithAnActiveAccount_IsRefusedNamingIt_AndWithoutOne_NewAccountsThereAreRefused()
    {
        var admin = await factory.ClientForAsync(Roles.Admin);
        var used = await factory.AddGovernmentAsync($"용{Guid.NewGuid():N}"[..8]);
        await factory.CreateUserInAsync(used, $"t-used-{Guid.NewGuid():N}"[..20], Roles.Viewer);
        var unused = await factory.AddGovernmentAsync($"빈{Guid.NewGuid():N}"[..8]);

        using var refused = await admin.PostFormAsync($"/admin/governments/{Id(used)}/edit", $"/admin/governments/{Id(used)}/deactivate", []);
        using var done = await admin.PostFormAsync($"/admin/governments/{Id(unused)}/edit", $"/admin/governments/{Id(unused)}/deactivate", []);
        using var newAccount = await admin.PostFormAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Input.LocalGovernmentId"] = Id(unused),
            ["Input.UserName"] = $"t-closed-{Guid.NewGuid():N}"[..20],
            ["Input.DisplayName"] = "비활성 기관 사용자",
            ["Input.Roles"] = Roles.Viewer,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("활성 계정 1개", (await refused.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.Id == used).Select(g => g.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.Id == unused).Select(g => g.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, newAccount.StatusCode);
        Assert.Contains("비활성 기관", (await newAccount.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.LocalGovernmentId == unused)));
    }

    [Theory]
    [InlineData(Roles.GovernmentAdmin)]
    [InlineData(Roles.Coordinator)]
    public async Task Index_NotASystemAdministrator_IsDenied(string role)
    {
        var client = await factory.ClientForAsync(role);

        using var response = await client.GetAsync(new Uri("/admin/governments", UriKind.Relative));

        Assert.True(response.IsRedirectTo("/account/denied"), response.Headers.Location?.ToString());
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
