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
        const string village = "마을사회적경제과";
        var other = await db.Departments.Where(d => d.LocalGovernmentId == seongbuk.Id && d.Name != village)
            .Where(d => db.SubProjects.Any(s => s.LeadDepartmentId == d.Id))
            .OrderBy(d => d.Id)
            .Select(d => d.Name)
            .FirstOrDefaultAsync();
        await EnsureAccountsAsync(seongbuk.Id,
        [
            new("admin", "시스템관리자", Roles.Admin),
            new("gov-admin", "성북구 기관관리자", Roles.GovernmentAdmin),
            new("coordinator", "주무부서 담당", Roles.Coordinator, village),
            new("officer", $"사업담당자({village})", Roles.DepartmentOfficer, village),
            new("officer2", $"사업담당자({other ?? "타 부서"})", Roles.DepartmentOfficer, other),
            new("member1", "평가위원 1", Roles.CommitteeMember),
            new("member2", "평가위원 2", Roles.CommitteeMember),
            new("member3", "평가위원 3", Roles.CommitteeMember),
            new("viewer", "열람자", Roles.Viewer),
        ]);
        log.LogWarning("Development demo accounts are present (password in README)");
    }

    /// <summary>
    /// Demo accounts of one government with the demo password, each with its role and, for
    /// officers and coordinators, a department of that government by name; an account that
    /// exists is left as it is, so every start may ask again.
    /// </summary>
    public async Task EnsureAccountsAsync(int governmentId, IEnumerable<DemoAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            // An address at the reserved example.com domain, so the demo's notices reach the
            // Development mail catcher (docs/notifications.md) and never a real mailbox.
            var user = new AppUser(account.UserName, account.Name, governmentId) { Email = $"{account.UserName}@example.com" };
            Check(await CreateAsync(user, DemoPassword, account.Role), account.UserName);
            if (account.Department is { } department)
            {
                user.SetDepartments(await db.Departments.Where(d => d.LocalGovernmentId == governmentId && d.Name == department).ToListAsync());
                Check(await users.UpdateAsync(user), account.UserName);
            }
        }
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

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
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

/// <summary>A Development demo account: sign-in name, display name, role, and a department of its government by name.</summary>
public sealed record DemoAccount(string UserName, string Name, string Role, string? Department = null);
