using Microsoft.AspNetCore.Identity;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Security;

/// <summary>
/// The password rule Korean public-sector audits expect (KISA): at least 10 characters of
/// two kinds, or 8 of three kinds (upper case, lower case, digits, symbols); at most 128;
/// not a common password; not the current or the previous password.
/// </summary>
public sealed class PasswordPolicyValidator(IPasswordHasher<AppUser> hasher) : IPasswordValidator<AppUser>
{
    public const int MaxLength = 128;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1!", "Password1!", "P@ssw0rd", "P@ssword1", "Passw0rd!", "qwer1234!", "Qwer1234!", "qwerty123!",
        "1q2w3e4r!", "1q2w3e4r5t", "1qaz2wsx!", "1qaz2wsx3edc", "abcd1234!", "Abcd1234!", "admin1234!", "Admin1234!",
        "asdf1234!", "zxcv1234!", "iloveyou1!", "welcome1!", "Welcome1!", "korea1234!", "seoul1234!", "a1234567!",
        "abc12345!", "test1234!", "Test1234!", "changeme1!", "letmein1!", "passw0rd1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        var kinds = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(k => k);
        if (!(password.Length >= 10 && kinds >= 2 || password.Length >= 8 && kinds >= 3))
        {
            errors.Add(Error("PasswordTooWeak", "비밀번호는 영문 대문자·소문자·숫자·특수문자 중 2종류 이상으로 10자 이상, 또는 3종류 이상으로 8자 이상이어야 합니다."));
        }

        if (password.Length > MaxLength)
        {
            errors.Add(Error("PasswordTooLong", $"비밀번호는 {MaxLength}자 이내로 입력하세요."));
        }

        if (Common.Contains(password) || user.UserName is { Length: > 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error("PasswordCommon", "널리 쓰이는 비밀번호나 아이디가 들어간 비밀번호는 사용할 수 없습니다."));
        }

        if (Matches(user.PasswordHash, password) || Matches(user.PreviousPasswordHash, password))
        {
            errors.Add(Error("PasswordReused", "현재 비밀번호나 직전 비밀번호는 다시 사용할 수 없습니다."));
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));

        bool Matches(string? hash, string candidate) =>
            hash is not null && hasher.VerifyHashedPassword(user, hash, candidate) != PasswordVerificationResult.Failed;
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
