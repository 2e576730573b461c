namespace SocialEconomy.Web.Security;

/// <summary>
/// A signed-in user with a pending duty (a new password after a reset, an authenticator
/// for a privileged role) reaches only the page that clears it, and sign-out.
/// </summary>
public sealed class AccountDutiesMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";
    public const string AuthenticatorPath = "/account/authenticator";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || context.Request.Path.StartsWithSegments("/account/signout", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var duty = user.HasClaim(c => c.Type == PortalClaimsFactory.MustChangePassword) ? ChangePasswordPath
            : user.HasClaim(c => c.Type == PortalClaimsFactory.MustEnrolTwoFactor) ? AuthenticatorPath
            : null;
        if (duty is null || context.Request.Path.StartsWithSegments(duty, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.Redirect(duty);
        return Task.CompletedTask;
    }
}
