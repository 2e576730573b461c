using System.Security.Claims;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.AdminUsers;

/// <summary>
/// The acting administrator and what they reach: a 시스템관리자 every government's
/// accounts and every role; a 기관관리자 the accounts of their own government that are not
/// 시스템관리자 (the platform's accounts are the platform's), and every role but that one.
/// Accounts outside the scope are answered as not found, whatever id a URL or form names.
/// </summary>
public sealed record UserAdminScope(string? UserId, string? UserName, int GovernmentId, bool IsSystemAdmin)
{
    public IReadOnlyList<string> GrantableRoles => IsSystemAdmin ? Roles.All : Roles.All.Where(r => r != Roles.Admin).ToList();

    public static UserAdminScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.UserId(), user.Identity?.Name, user.GovernmentId(), user.IsInRole(Roles.Admin));
    }

    public bool IsSelf(string id) => string.Equals(id, UserId, StringComparison.Ordinal);
}
