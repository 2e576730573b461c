using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Configuration;

/// <summary>Accounts, sessions, authorization and request hardening (docs/security.md).</summary>
public static class SecuritySetup
{
    public const string SignInRateLimit = "signin";
    private const string SignedInAtKey = "se.signed_in_at";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditLog>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // The length and kind rules are PasswordPolicyValidator's (in Korean); Identity's own are off.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<KoreanIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddTokenProvider<DataProtectorTokenProvider<AppUser>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.RemoveAll<IPasswordValidator<AppUser>>();
        services.AddScoped<IPasswordValidator<AppUser>, PasswordPolicyValidator>();

        services.AddScoped<SessionCheck>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = options.RequireSecureCookies ? "__Host-se.auth" : "se.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = options.RequireSecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                // Denials are audited with the path that was refused (not the query string).
                var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
                await audit.WriteAsync(Domain.Auditing.AuditAction.AccessDenied, detail: $"{context.Request.Method} {context.Request.Path}");
                context.Response.Redirect(context.RedirectUri);
            };
            o.Events.OnSigningIn = context =>
            {
                context.Properties.Items.TryAdd(SignedInAtKey, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                // The absolute limit: however active, a session ends 8 hours after sign-in.
                if (context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                    && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                    && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                // Instead of Identity's periodic stamp re-check: every request, one query.
                if (context.Principal is null
                    || !await context.HttpContext.RequestServices.GetRequiredService<SessionCheck>().StandsAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = options.RequireSecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = options.RequireSecureCookies ? "__Host-se.2fa" : "se.2fa";
            o.Cookie.SecurePolicy = options.RequireSecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = options.RequireSecureCookies ? "__Host-se.af" : "se.af";
            o.Cookie.SecurePolicy = options.RequireSecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxRequestBodyBytes;
            f.ValueLengthLimit = (int)Math.Min(options.MaxRequestBodyBytes, int.MaxValue);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Admin, Roles.GovernmentAdmin))
            .AddPolicy(Policies.ManageGovernments, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Admin, Roles.GovernmentAdmin, Roles.Coordinator))
            .AddPolicy(Policies.EditPlans, p => p.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(Policies.ReviewResults, p => p.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(Policies.RunEvaluations, p => p.RequireRole(Roles.Admin, Roles.Coordinator));

        services.AddSingleton<IAuthorizationHandler, SubProjectAccessHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        var keys = Path.IsPathRooted(options.KeysDirectory) ? options.KeysDirectory : Path.Combine(environment.ContentRootPath, options.KeysDirectory);
        services.AddDataProtection()
            .SetApplicationName("SocialEconomy")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));

        // ForwardedHeadersMiddleware believes EVERY sender when both of its lists are empty, so
        // clearing them (to drop the loopback default) would trust forged X-Forwarded-For and
        // -Proto from any client. The middleware is only used when a proxy is named
        // (WebSetup.UsePortalPipeline), and then only that proxy is believed (ASVS v5.0.0-13.2.x).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in options.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // TempData carries a new user's one-time password to the next page: the same cookie
        // rules as the sign-in cookie (ASVS v5.0.0-3.3.1).
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = options.RequireSecureCookies ? "__Host-se.td" : "se.td";
            o.Cookie.SecurePolicy = options.RequireSecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.Cookie.IsEssential = true;
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }
}
