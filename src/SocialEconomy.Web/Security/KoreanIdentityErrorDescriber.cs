using Microsoft.AspNetCore.Identity;

namespace SocialEconomy.Web.Security;

/// <summary>Identity's messages in Korean, as officials read them beside the field.</summary>
public sealed class KoreanIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => New(nameof(DefaultError), "처리하지 못했습니다. 잠시 후 다시 시도하세요.");

    public override IdentityError ConcurrencyFailure() => New(nameof(ConcurrencyFailure), "다른 사용자가 먼저 수정했습니다. 새로 고친 뒤 다시 시도하세요.");

    public override IdentityError PasswordMismatch() => New(nameof(PasswordMismatch), "현재 비밀번호가 올바르지 않습니다.");

    public override IdentityError InvalidToken() => New(nameof(InvalidToken), "인증 정보가 올바르지 않거나 만료되었습니다.");

    public override IdentityError InvalidUserName(string? userName) => New(nameof(InvalidUserName), "아이디는 영문, 숫자와 - . _ @ 만 쓸 수 있습니다.");

    public override IdentityError DuplicateUserName(string userName) => New(nameof(DuplicateUserName), $"아이디 '{userName}'은(는) 이미 사용 중입니다.");

    public override IdentityError DuplicateEmail(string email) => New(nameof(DuplicateEmail), "이미 사용 중인 이메일입니다.");

    public override IdentityError InvalidEmail(string? email) => New(nameof(InvalidEmail), "이메일 형식이 올바르지 않습니다.");

    public override IdentityError UserAlreadyInRole(string role) => New(nameof(UserAlreadyInRole), $"이미 {Roles.Label(role)} 역할이 있습니다.");

    public override IdentityError UserNotInRole(string role) => New(nameof(UserNotInRole), $"{Roles.Label(role)} 역할이 없습니다.");

    public override IdentityError UserLockoutNotEnabled() => New(nameof(UserLockoutNotEnabled), "이 계정은 잠금을 사용할 수 없습니다.");

    public override IdentityError UserAlreadyHasPassword() => New(nameof(UserAlreadyHasPassword), "이미 비밀번호가 설정되어 있습니다.");

    public override IdentityError PasswordTooShort(int length) => New(nameof(PasswordTooShort), $"비밀번호는 {length}자 이상이어야 합니다.");

    public override IdentityError RecoveryCodeRedemptionFailed() => New(nameof(RecoveryCodeRedemptionFailed), "복구 코드가 올바르지 않습니다.");

    private static IdentityError New(string code, string description) => new() { Code = code, Description = description };
}
