using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialEconomy.Domain.Organization;
using SocialEconomy.Domain.Planning;
using SocialEconomy.IntegrationTests.Infrastructure;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Data.Seed;
using SocialEconomy.Web.Security;

namespace SocialEconomy.IntegrationTests.Data;

/// <summary>
/// The Development demo: 예시도 above 성북구 and 예시군, their accounts, and 예시군's plan made
/// through the workbook import. Run here twice in one test database (the Testing environment
/// does not run it at start), and once by a real Development process.
/// </summary>
public class DemoSeederTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string> Accounts => new()
    {
        { "yesi-admin", DemoSeeder.CountyShortName, Roles.GovernmentAdmin },
        { "yesi-coordinator", DemoSeeder.CountyShortName, Roles.Coordinator },
        { "yesi-officer", DemoSeeder.CountyShortName, Roles.DepartmentOfficer },
        { "yesi-viewer", DemoSeeder.CountyShortName, Roles.Viewer },
        { "province-coordinator", DemoSeeder.ProvinceName, Roles.Coordinator },
        { "province-viewer", DemoSeeder.ProvinceName, Roles.Viewer },
    };

    [Fact]
    public async Task Seed_Twice_GivesTheDemoGovernmentsAndOnePlanMadeByTheImport()
    {
        await SeedAsync();
        var counts = await CountsAsync();
        await SeedAsync();

        Assert.Equal(counts, await CountsAsync());
        var governments = await factory.WithDbAsync(db => db.LocalGovernments.Include(g => g.Parent).ToListAsync());
        var province = governments.Single(g => g.Name == DemoSeeder.ProvinceName);
        var county = governments.Single(g => g.Name == DemoSeeder.CountyName);
        Assert.Equal((GovernmentLevel.Province, null, null), (province.Level, province.Code, province.ParentId));
        Assert.Equal((GovernmentLevel.Local, DemoSeeder.CountyShortName, province.Id), (county.Level, county.ShortName, county.ParentId));
        Assert.Equal(province.Id, governments.Single(g => g.ShortName == GovernmentSeeder.ReferenceShortName).ParentId);

        var plan = await factory.WithDbAsync(db => db.Plans.Where(p => p.LocalGovernmentId == county.Id)
            .Select(p => new { p.Title, p.District, p.FirstYear, p.LastYear, p.Status, p.IsCurrent, Tasks = p.Tasks.Count, SubProjects = p.Tasks.SelectMany(t => t.SubProjects).Count() })
            .SingleAsync());
        Assert.Equal(DemoSeeder.PlanTitle, plan.Title);
        Assert.Equal((DemoSeeder.CountyShortName, 2025, 2029, PlanStatus.Adopted, true), (plan.District, plan.FirstYear, plan.LastYear, plan.Status, plan.IsCurrent));
        Assert.Equal((3, 7), (plan.Tasks, plan.SubProjects));
        var departments = await factory.WithDbAsync(db => db.Departments.Where(d => d.LocalGovernmentId == county.Id).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
        Assert.Equal(["농업정책과", "일자리경제과", "주민복지과"], departments);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Seed_GivesEachDemoAccountItsGovernmentAndRole(string userName, string government, string role)
    {
        await SeedAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);

        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, AccountSeeder.DemoPassword));
        Assert.Equal([role], await users.GetRolesAsync(user));
        Assert.Equal(government, await factory.WithDbAsync(db => db.LocalGovernments.Where(g => g.Id == user.LocalGovernmentId).Select(g => g.ShortName).SingleAsync()));
        if (role == Roles.DepartmentOfficer)
        {
            Assert.Equal([DemoSeeder.CoordinatingDepartment], await factory.WithDbAsync(db => db.UserDepartments.Where(u => u.UserId == user.Id).Select(u => u.Department.Name).ToListAsync()));
        }
    }

    [Fact]
    public async Task DevelopmentStart_SeedsTheDemo_AndItsAccountsSignIn()
    {
        await using var portal = await PortalProcess.StartAsync();

        await using (var db = portal.OpenDatabase())
        {
            Assert.True(await db.Plans.AnyAsync(p => p.Title == DemoSeeder.PlanTitle && p.IsCurrent));
            Assert.Equal(8, await db.Users.CountAsync(u => u.UserName!.StartsWith("yesi-") || u.UserName.StartsWith("province-") || u.UserName == "gov-admin" || u.UserName == "admin"));
        }

        using var client = await portal.SignInAsync("yesi-viewer", AccountSeeder.DemoPassword);
        var home = await client.GetStringAsync(new Uri("/plans", UriKind.Relative));
        Assert.Contains(DemoSeeder.PlanTitle, home, StringComparison.Ordinal);
        Assert.DoesNotContain("성북구 사회적경제 기본계획", home, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private Task<(int Governments, int Plans, int Departments, int Users)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.LocalGovernments.CountAsync(), await db.Plans.CountAsync(), await db.Departments.CountAsync(), await db.Users.CountAsync()));
}
