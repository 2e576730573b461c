using System.Security.Claims;
using SocialEconomy.Web.Data.Auditing;

namespace SocialEconomy.Web.Security;

/// <summary>The signed-in user and client address of the current request, for audit rows.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => accessor.HttpContext is { } context
        ? context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous"
        : "system";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public int? LocalGovernmentId => accessor.HttpContext?.User.LocalGovernmentId();

    public bool IsSystem => accessor.HttpContext is null;
}
