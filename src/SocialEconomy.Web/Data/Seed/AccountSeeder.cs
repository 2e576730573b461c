using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Data.Seed;

/// <summary>
/// The roles always exist. Demo accounts exist only in Development (README lists them);
/// production gets its first administrator from the create-admin command.
/// </summary>
public sealed class AccountSeeder(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<AccountSeeder> log)
{
    public const string DemoPassword = "Demo1234!";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task EnsureDemoAccountsAsync()
    {
        var seongbuk = await db.LocalGovernments.SingleAsync(g => g.ShortName == GovernmentSeeder.ReferenceShortName);
        var village = await db.Departments.FirstOrDefaultAsync(d => d.Name == "마을사회적경제과");
        var other = await db.Departments.Where(d => d.Name != "마을사회적경제과")
            .Where(d => db.SubProjects.Any(s => s.LeadDepartmentId == d.Id))
            .OrderBy(d => d.Id)
            .FirstOrDefaultAsync();
        var accounts = new (string UserName, string Name, string Role, int? DepartmentId)[]
        {
            ("admin", "시스템관리자", Roles.Admin, null),
            ("gov-admin", "성북구 기관관리자", Roles.GovernmentAdmin, null),
            ("coordinator", "주무부서 담당", Roles.Coordinator, village?.Id),
            ("officer", "사업담당자(마을사회적경제과)", Roles.DepartmentOfficer, village?.Id),
            ("officer2", $"사업담당자({other?.Name ?? "타 부서"})", Roles.DepartmentOfficer, other?.Id),
            ("member1", "평가위원 1", Roles.CommitteeMember, null),
            ("member2", "평가위원 2", Roles.CommitteeMember, null),
            ("member3", "평가위원 3", Roles.CommitteeMember, null),
            ("viewer", "열람자", Roles.Viewer, null),
        };
        foreach (var (userName, name, role, departmentId) in accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser(userName, name, seongbuk.Id);
            await CreateAsync(user, DemoPassword, role);
            if (departmentId is { } id)
            {
                user.SetDepartments(await db.Departments.Where(d => d.Id == id).ToListAsync());
                await users.UpdateAsync(user);
            }
        }

        log.LogWarning("Development demo accounts are present (password in README)");
    }

    /// <summary>
    /// The create-admin command: one 시스템관리자 with the password given, held in the first
    /// government (the seeded one on a new database); they create the others.
    /// </summary>
    public async Task<IdentityResult> CreateAdministratorAsync(string userName, string displayName, string password)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "Exists", Description = $"User '{userName}' already exists." });
        }

        var government = await db.LocalGovernments.OrderBy(g => g.Id).FirstAsync();
        return await CreateAsync(new AppUser(userName, displayName, government.Id), password, Roles.Admin);
    }

    private async Task<IdentityResult> CreateAsync(AppUser user, string password, string role)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        return await users.AddToRoleAsync(user, role);
    }
}
