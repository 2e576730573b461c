using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Organisations;

public class DepartmentAdministrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task CreateAndRename_InOwnGovernment_Saved_AndADuplicateIsRefusedBesideTheName()
    {
        var government = await factory.AddGovernmentAsync($"부{Guid.NewGuid():N}"[..8], departments: ["기존과"]);
        var admin = await factory.ClientInAsync(government, Roles.GovernmentAdmin);

        using var created = await admin.PostFormAsync("/admin/departments/new", "/admin/departments/new", new() { ["Input.Name"] = "새과" });
        using var duplicate = await admin.PostFormAsync("/admin/departments/new", "/admin/departments/new", new() { ["Input.Name"] = " 기존과 " });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.WithDbAsync(db => db.Departments.IgnoreQueryFilters().Where(d => d.LocalGovernmentId == government && d.Name == "새과").Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("이미 있습니다", (await duplicate.DocumentAsync()).QuerySelector("#Input_Name-error")!.Text(), StringComparison.Ordinal);

        var url = $"/admin/departments/{Id(id)}/edit";
        var form = (await admin.GetDocumentAsync(url)).FormFields("form[action$='/edit']");
        form["Input.Name"] = "기존과";
        using var taken = await admin.PostFormAsync(url, url, form);
        form["Input.Name"] = "바뀐과";
        using var renamed = await admin.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("바뀐과", await factory.WithDbAsync(db => db.Departments.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task Deactivate_WithAnActiveAccount_IsRefusedNamingIt_AndAnUnusedOneIsDeactivated()
    {
        var government = await factory.AddGovernmentAsync($"비{Guid.NewGuid():N}"[..8], departments: ["쓰는과", "빈과"]);
        await factory.CreateUserInAsync(government, $"t-dep-{Guid.NewGuid():N}"[..20], Roles.DepartmentOfficer, "쓰는과");
        var admin = await factory.ClientInAsync(government, Roles.GovernmentAdmin);
        var ids = await factory.WithDbAsync(db => db.Departments.IgnoreQueryFilters().Where(d => d.LocalGovernmentId == government).ToDictionaryAsync(d => d.Name, d => d.Id));

        using var refused = await admin.PostFormAsync($"/admin/departments/{Id(ids["쓰는과"])}/edit", $"/admin/departments/{Id(ids["쓰는과"])}/deactivate", []);
        using var done = await admin.PostFormAsync($"/admin/departments/{Id(ids["빈과"])}/edit", $"/admin/departments/{Id(ids["빈과"])}/deactivate", []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("활성 계정 1개", (await refused.DocumentAsync()).QuerySelector(".portal-error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var active = await factory.WithDbAsync(db => db.Departments.IgnoreQueryFilters().Where(d => d.LocalGovernmentId == government).ToDictionaryAsync(d => d.Name, d => d.IsActive));
        Assert.True(active["쓰는과"]);
        Assert.False(active["빈과"]);
    }

    [Fact]
    public async Task AnotherGovernmentsDepartment_IsNotFound_AndUnchanged()
    {
        var other = await factory.AddGovernmentAsync($"타{Guid.NewGuid():N}"[..8]);
        var admin = await factory.ClientInAsync(other, Roles.GovernmentAdmin);
        var seeded = await factory.WithDbAsync(db => db.Departments.IgnoreQueryFilters().SingleAsync(d => d.Name == PortalFactory.OwnDepartment && d.LocalGovernment.ShortName == "성북구"));
        var url = $"/admin/departments/{Id(seeded.Id)}/edit";

        using var read = await admin.GetAsync(new Uri(url, UriKind.Relative));
        using var rename = await PostAsync(admin, url, ("Input.Name", "가로챈과"), ("Input.Version", seeded.Version.ToString()));
        using var deactivate = await PostAsync(admin, $"/admin/departments/{Id(seeded.Id)}/deactivate");
        var list = await admin.GetDocumentAsync("/admin/departments");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.DoesNotContain(PortalFactory.OwnDepartment, list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Departments.IgnoreQueryFilters().SingleAsync(d => d.Id == seeded.Id));
        Assert.Equal((PortalFactory.OwnDepartment, true, seeded.Version), (stored.Name, stored.IsActive, stored.Version));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string actionUrl, params (string Key, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync("/account/change-password");
        using var content = new FormUrlEncodedContent(fields
            .Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
