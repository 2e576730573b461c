using System.Globalization;
using System.Security.Claims;

namespace SocialEconomy.Web.Security;

public static class UserClaims
{
    /// <summary>The claim naming the signer's government (PortalClaimsFactory).</summary>
    public const string LocalGovernmentClaim = "se:gov";

    /// <summary>The signed-in person's government; every session carries one (SessionCheck ends those that do not).</summary>
    public static int GovernmentId(this ClaimsPrincipal user) =>
        user.LocalGovernmentId() ?? throw new InvalidOperationException("A signed-in principal without a government claim.");

    /// <summary>The signer's government, or null for an anonymous principal.</summary>
    public static int? LocalGovernmentId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return int.TryParse(user.FindFirstValue(LocalGovernmentClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

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
