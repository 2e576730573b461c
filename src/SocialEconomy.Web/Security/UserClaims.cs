using System.Security.Claims;

namespace SocialEconomy.Web.Security;

public static class UserClaims
{
    public static string? UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    /// <summary>The name records carry: the sign-in name, as the results workflow writes it.</summary>
    public static string Actor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? "unknown";
    }
}
