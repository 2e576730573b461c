using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Security;

/// <summary>
/// Adds the display name and the two pending duties the portal enforces before anything
/// else: a password change after an administrator's reset, and enrolling an authenticator
/// where the role requires one.
/// </summary>
public sealed class PortalClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> identityOptions,
    SecurityOptions security,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, identityOptions)
{
    public const string DisplayName = "se:name";
    public const string GovernmentName = "se:gov_name";

    /// <summary>Present for people of a 시·도, who get the 시·군·구 현황 page (Features/Province).</summary>
    public const string ProvinceGovernment = "se:province";
    public const string MustChangePassword = "se:must_change_password";
    public const string MustEnrolTwoFactor = "se:must_enrol_2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));

        // The government scopes every query of the session (AppDbContext); a move to another
        // government changes the security stamp, so the next request signs the person out.
        identity.AddClaim(new Claim(UserClaims.LocalGovernmentClaim, user.LocalGovernmentId.ToString(CultureInfo.InvariantCulture)));

        // Shown beside the person's name in every page header; a rename shows from the next sign-in.
        var government = await db.LocalGovernments.Where(g => g.Id == user.LocalGovernmentId).Select(g => new { g.Name, g.Level }).SingleAsync();
        identity.AddClaim(new Claim(GovernmentName, government.Name));
        if (government.Level == Domain.Organization.GovernmentLevel.Province)
        {
            identity.AddClaim(new Claim(ProvinceGovernment, "true"));
        }

        // Department ids travel in the cookie; a change of departments updates the security
        // stamp, which ends the session (SessionCheck): the next sign-in carries the new ones.
        foreach (var departmentId in await db.UserDepartments.Where(d => d.UserId == user.Id).Select(d => d.DepartmentId).ToListAsync())
        {
            identity.AddClaim(new Claim(SubProjectAccess.DepartmentClaim, departmentId.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        if (security.RequireTwoFactorForPrivilegedRoles && !user.TwoFactorEnabled)
        {
            var roles = await UserManager.GetRolesAsync(user);
            if (roles.Any(Roles.Privileged.Contains))
            {
                identity.AddClaim(new Claim(MustEnrolTwoFactor, "true"));
            }
        }

        return identity;
    }
}
