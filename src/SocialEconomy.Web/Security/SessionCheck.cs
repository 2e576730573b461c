using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Security;

/// <summary>
/// Every signed-in request asks the database, in one small query by primary key, whether its
/// session still stands: the account exists, is active, is not locked out, and its security
/// stamp is the one the cookie was issued with. Sign-out, a password change or reset, a change
/// of roles, departments or government and deactivation all replace the stamp, so the sessions they
/// concern end at the next request rather than at Identity's periodic re-check (a moved
/// officer once saved the old department's results inside that window).
/// </summary>
public sealed class SessionCheck(AppDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    public async Task<bool> StandsAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        // LockoutEnd is compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsActive, u.LockoutEnd, u.LocalGovernmentId })
            .SingleOrDefaultAsync(cancellationToken);
        return user is not null
            && user.IsActive
            && string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal)

            // A cookie from before governments, or of a person since moved, scopes to nothing.
            && principal.LocalGovernmentId() == user.LocalGovernmentId
            && (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow());
    }
}
