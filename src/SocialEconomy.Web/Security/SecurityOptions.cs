namespace SocialEconomy.Web.Security;

/// <summary>The "Security" section of appsettings.json.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Admins and Coordinators must sign in with an authenticator app. On by default.</summary>
    public bool RequireTwoFactorForPrivilegedRoles { get; set; } = true;

    /// <summary>Secure, __Host- prefixed cookies. Only the Development environment turns it off, for plain http.</summary>
    public bool RequireSecureCookies { get; set; } = true;

    /// <summary>Sign-in and two-factor attempts allowed per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>
    /// The largest request body any endpoint accepts (1 MB; Kestrel's default is 30 MB and the
    /// multipart default 128 MB). Upload endpoints raise it to their own configured limit.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteTimeoutHours { get; set; } = 8;

    /// <summary>Where data-protection keys are kept (relative to the app); share it between nodes.</summary>
    public string KeysDirectory { get; set; } = "App_Data/keys";

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto are trusted, so that audit
    /// rows and the sign-in rate limit carry the client's address and HTTPS is recognised.
    /// Empty (with <see cref="KnownNetworks"/> empty too): the headers are ignored from everyone.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted reverse proxies in CIDR notation (e.g. 10.0.8.0/24). Empty by default.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Whether any proxy is named at all; without one the forwarded-headers middleware is not used.</summary>
    public bool TrustsAProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Name of the authenticator entry the QR code creates.</summary>
    public string AuthenticatorIssuer { get; set; } = "사회적경제 기본계획 포털";
}
