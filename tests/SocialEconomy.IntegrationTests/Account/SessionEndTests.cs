using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.IntegrationTests.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Account;

/// <summary>
/// With the default settings a session ends at the very next request after what ends it
/// (sign-out, password, roles and departments and deactivation are in PasswordTests and
/// AdminUsersTests, which run with the defaults too). Before, sessions went on for up to 60 s.
/// </summary>
public class SessionEndTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ALockout_EndsTheAccountsOpenSession_AtOnce()
    {
        var user = await factory.CreateUserAsync("locked-session", Roles.Viewer);
        var session = await factory.SignInAsync(user.UserName!);
        using (var before = await session.GetAsync(new Uri("/plans", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Five wrong passwords from elsewhere lock the account.
        var stranger = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await stranger.PostFormAsync("/account/signin", "/account/signin", new() { ["UserName"] = user.UserName!, ["Password"] = "wrong-password-1" });
        }

        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id && u.LockoutEnd != null)));

        using var after = await session.GetAsync(new Uri("/plans", UriKind.Relative));
        Assert.True(after.IsRedirectTo("/account/signin"), after.StatusCode.ToString());
    }

    [Fact]
    public async Task AnOfficerMovedToAnotherDepartment_CannotSaveTheOldDepartmentsResults_EvenOnce()
    {
        var planId = await factory.SeededPlanIdAsync();
        await factory.OpenPeriodAsync(planId, 2018);
        var officer = await factory.CreateUserAsync("moved-officer", Roles.DepartmentOfficer, PortalFactory.OwnDepartment);
        var session = await factory.SignInAsync(officer.UserName!);
        var url = $"/results/{planId}/2018/1-1";
        var page = await session.GetDocumentAsync(url);
        var fields = page.FormFields("#result-form");
        fields["Achievements"] = "옮긴 뒤에 쓴 실적";
        fields["Intent"] = "save";

        // What the administrator's edit does: the new department and a new security stamp.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var moved = await db.Users.Include(u => u.Departments).SingleAsync(u => u.Id == officer.Id);
            moved.SetDepartments(await db.Departments.Where(d => d.Name == PortalFactory.OtherDepartment).ToListAsync());
            Assert.True((await users.UpdateSecurityStampAsync(moved)).Succeeded);
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await session.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.True(response.IsRedirectTo("/account/signin"), response.StatusCode.ToString());
        Assert.False(await factory.WithDbAsync(db => db.YearResults.AnyAsync(r => r.Achievements == "옮긴 뒤에 쓴 실적")));
    }
}
