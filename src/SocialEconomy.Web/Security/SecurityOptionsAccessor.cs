namespace SocialEconomy.Web.Security;

/// <summary>Gives views the idle timeout without injecting options into every page.</summary>
public static class SecurityOptionsAccessor
{
    public static int IdleSeconds(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<SecurityOptions>().IdleTimeoutMinutes * 60;
    }
}
