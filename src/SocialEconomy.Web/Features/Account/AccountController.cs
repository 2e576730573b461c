using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Configuration;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Data.Identity;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.Account;

[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    AuditLog audit,
    SecurityOptions security,
    ILogger<AccountController> log) : Controller
{
    // One answer for an unknown user, a bad password, a locked or deactivated account:
    // nothing tells an attacker which names exist.
    private const string SignInFailed = "아이디 또는 비밀번호가 올바르지 않습니다. 5회 연속 틀리면 15분 동안 로그인할 수 없습니다.";

    private static readonly AppUser TimingUser = new("timing", "timing", 0);
    private static string? _timingHash;

    [HttpGet("signin")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignInEditModel { ReturnUrl = returnUrl });

    [HttpPost("signin")]
    [AllowAnonymous]
    [EnableRateLimiting(SecuritySetup.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInEditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByNameAsync(model.UserName.Trim());
        var locked = user is not null && await users.IsLockedOutAsync(user);
        if (user is null || !user.IsActive || locked)
        {
            // The same password hash check a real attempt makes, so that the answer's timing
            // does not tell an unknown, a deactivated or a locked account from a wrong password.
            _timingHash ??= users.PasswordHasher.HashPassword(TimingUser, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(user ?? TimingUser, user?.PasswordHash ?? _timingHash, model.Password);
            await audit.WriteAsync(
                locked ? AuditAction.LockedOut : AuditAction.SignInFailed,
                userName: user?.UserName ?? model.UserName,
                userId: user?.Id,
                detail: user is null ? "unknown user" : locked ? "locked out" : "deactivated");
            return Failed(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId);
            log.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(model.ReturnUrl) });
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId, detail: result.IsLockedOut ? "locked out" : "bad password");
        return Failed(model);
    }

    [HttpGet("two-factor")]
    [AllowAnonymous]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new TwoFactorEditModel { ReturnUrl = returnUrl });

    [HttpPost("two-factor")]
    [AllowAnonymous]
    [EnableRateLimiting(SecuritySetup.SignInRateLimit)]
    public async Task<IActionResult> TwoFactor(TwoFactorEditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(model.Code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId, detail: "two-factor");
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.TwoFactorFailed, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId);
        ModelState.AddModelError(nameof(model.Code), result.IsLockedOut ? SignInFailed : "인증 코드가 올바르지 않거나 이미 사용되었습니다. 인증 앱의 새 코드를 입력하세요.");
        return View(model);
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutNow()
    {
        var user = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            // A new stamp ends this user's sessions in other browsers too.
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(AuditAction.SignOut, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId);
        }

        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordEditModel());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordEditModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var previous = user.PasswordHash;
        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword);
                ModelState.AddModelError(field, error.Description);
            }

            return View(model);
        }

        user.PreviousPasswordHash = previous;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await audit.WriteAsync(AuditAction.PasswordChanged, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "비밀번호를 변경했습니다. 다른 기기의 로그인은 바로 종료됩니다.";
        return RedirectToAction(nameof(Home.HomeController.Index), "Home");
    }

    [HttpGet("authenticator")]
    public async Task<IActionResult> Authenticator()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await AuthenticatorModelAsync(user, new AuthenticatorViewModel()));
    }

    [HttpPost("authenticator")]
    public async Task<IActionResult> Authenticator(AuthenticatorViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return View(await AuthenticatorModelAsync(user, model));
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, model.Code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(model.Code), "인증 코드가 올바르지 않습니다. 휴대전화의 시각이 맞는지 확인하고 새 코드를 입력하세요.");
            return View(await AuthenticatorModelAsync(user, model));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.WriteAsync(AuditAction.TwoFactorEnabled, userName: user.UserName, userId: user.Id, localGovernmentId: user.LocalGovernmentId);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "2단계 인증을 설정했습니다. 다음 로그인부터 인증 앱의 코드를 입력합니다.";
        return RedirectToAction(nameof(Home.HomeController.Index), "Home");
    }

    /// <summary>시간 연장: a signed-in request renews the sliding session; the page timer restarts.</summary>
    [HttpPost("keep-alive")]
    public IActionResult KeepAlive() => NoContent();

    [HttpGet("denied")]
    public IActionResult Denied() => View();

    private async Task<AuthenticatorViewModel> AuthenticatorModelAsync(AppUser user, AuthenticatorViewModel model)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);

            // The reset gives the account a new security stamp: without a refreshed cookie the
            // session check would sign this very session out at its next request, mid-enrolment.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString(security.AuthenticatorIssuer),
            Uri.EscapeDataString(user.UserName ?? user.Id),
            key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        model.SharedKey = FormatKey(key);
        model.QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
        model.IsRequired = User.HasClaim(c => c.Type == PortalClaimsFactory.MustEnrolTwoFactor);
        model.Code = string.Empty;
        return model;
    }

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    private ViewResult Failed(SignInEditModel model)
    {
        ModelState.AddModelError(string.Empty, SignInFailed);
        model.Password = string.Empty;
        return View(nameof(SignIn), model);
    }
}
