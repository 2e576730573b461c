using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Configuration;

/// <summary>
/// Settings without which Production would run but serve badly: those stop the start with one
/// critical line that says what to set, instead of a portal that misbehaves on every request.
/// </summary>
public static class StartupChecks
{
    /// <summary>
    /// With AllowedHosts "*" every Host header is believed, so a request for any name gets
    /// redirects and links to that name (e.g. https://evil.example). Production must name its
    /// own host names. Returns false after logging when it does not.
    /// </summary>
    public static bool AllowedHostsAreNamed(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsProduction())
        {
            return true;
        }

        var hosts = (app.Configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length > 0 && !hosts.Contains("*", StringComparer.Ordinal))
        {
            return true;
        }

        app.Logger.LogCritical(
            "Not starting: AllowedHosts is '{AllowedHosts}'. Set AllowedHosts to the host names this portal serves, separated by ';' (e.g. AllowedHosts=portal.example.go.kr), in appsettings.json or the environment variable AllowedHosts",
            app.Configuration["AllowedHosts"] ?? "");
        return false;
    }

    /// <summary>
    /// Production cookies are Secure and antiforgery refuses them over plain http, so a portal
    /// that listens only on http with no TLS proxy in front would answer 500 to every form.
    /// Once the server has bound its addresses, such a start is stopped (exit code 1). A TLS
    /// proxy named in Security:KnownProxies/KnownNetworks, an https address, or
    /// Security:RequireSecureCookies=false (a closed test network) lets it run.
    /// </summary>
    public static void StopUnlessHttpsIsServed(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var security = app.Services.GetRequiredService<SecurityOptions>();
        if (!app.Environment.IsProduction() || !security.RequireSecureCookies || security.TrustsAProxy)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // The test server has no addresses; only a real listener is judged.
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0
                || addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            app.Logger.LogCritical(
                "Stopping: the portal listens only on {Addresses} and no TLS proxy is named, so its Secure cookies could never be sent. Listen on https (e.g. URLS=https://+:443 with Kestrel:Certificates:Default:Path), or name the reverse proxy that terminates TLS in Security:KnownProxies or Security:KnownNetworks",
                string.Join(", ", addresses));
            Environment.ExitCode = 1;
            app.Lifetime.StopApplication();
        });
    }
}
