using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

/// <summary>Department scoping: who may work on which sub-project.</summary>
public class DepartmentScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<IReadOnlyList<string>> MyCodesAsync(HttpClient client)
    {
        var document = await client.GetDocumentAsync("/my/subprojects");
        return document.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task MySubProjects_OfficerOfTheOwningOffice_SeesItsTwelve()
    {
        var codes = await MyCodesAsync(await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OwnDepartment));

        Assert.Equal(12, codes.Count);
        Assert.DoesNotContain("1-3", codes);
    }

    [Fact]
    public async Task MySubProjects_OfficerOfAnotherDepartment_SeesOnlyWhatItLeads()
    {
        var codes = await MyCodesAsync(await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment));

        Assert.Equal(["1-3"], codes);
    }

    [Fact]
    public async Task MySubProjects_CoordinatorSeesAllAndViewerNone()
    {
        Assert.Equal(13, (await MyCodesAsync(await factory.ClientForAsync(Roles.Coordinator, PortalFactory.OwnDepartment))).Count);
        Assert.Empty(await MyCodesAsync(await factory.ClientForAsync(Roles.Viewer)));
        Assert.Empty(await MyCodesAsync(await factory.ClientForAsync(Roles.CommitteeMember)));
    }

    [Theory]
    [InlineData(Roles.Admin, null, "1-3", true)]
    [InlineData(Roles.Coordinator, null, "1-3", true)]
    [InlineData(Roles.DepartmentOfficer, PortalFactory.OwnDepartment, "1-1", true)]
    [InlineData(Roles.DepartmentOfficer, PortalFactory.OwnDepartment, "1-3", false)]
    [InlineData(Roles.DepartmentOfficer, PortalFactory.OtherDepartment, "1-3", true)]
    [InlineData(Roles.DepartmentOfficer, PortalFactory.OtherDepartment, "1-1", false)]
    [InlineData(Roles.DepartmentOfficer, null, "1-1", false)]
    [InlineData(Roles.CommitteeMember, null, "1-1", false)]
    [InlineData(Roles.Viewer, null, "1-1", false)]
    public async Task WorkOnSubProject_FollowsRoleAndDepartment(string role, string? department, string code, bool allowed)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var subProject = await db.SubProjects.Include(s => s.SharingDepartments).SingleAsync(s => s.Code == code);
        var claims = new List<Claim> { new(ClaimTypes.Role, role) };
        if (department is not null)
        {
            var id = await db.Departments.Where(d => d.Name == department).Select(d => d.Id).SingleAsync();
            claims.Add(new Claim(SubProjectAccess.DepartmentClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));

        var result = await authorization.AuthorizeAsync(user, subProject, SubProjectAccess.Work);

        Assert.Equal(allowed, result.Succeeded);
    }
}

/// <summary>Sharing changes the seeded plan, so it runs on a database of its own.</summary>
public class SharingScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task WorkOnSubProject_SharingDepartmentOfficer_IsAllowed()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var other = await db.Departments.SingleAsync(d => d.Name == PortalFactory.OtherDepartment);
        var subProject = await db.SubProjects.Include(s => s.SharingDepartments).Include(s => s.LeadDepartment).SingleAsync(s => s.Code == "2-1");
        subProject.ShareWith(other);
        await db.SaveChangesAsync();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.DepartmentOfficer), new Claim(SubProjectAccess.DepartmentClaim, other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            "test"));

        Assert.True((await authorization.AuthorizeAsync(user, subProject, SubProjectAccess.Work)).Succeeded);

        var client = await factory.ClientForAsync(Roles.DepartmentOfficer, PortalFactory.OtherDepartment);
        var rows = (await client.GetDocumentAsync("/my/subprojects")).QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("성북구 사회적경제 기본계획 2-1", StringComparison.Ordinal) && r.EndsWith("협조", StringComparison.Ordinal));
    }
}
