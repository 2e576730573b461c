using System.ComponentModel.DataAnnotations;

namespace SocialEconomy.Web.Features.Account;

public sealed class SignInEditModel
{
    [Required(ErrorMessage = "아이디를 입력하세요.")]
    [StringLength(256)]
    [Display(Name = "아이디")]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "비밀번호를 입력하세요.")]
    [StringLength(256)]
    [DataType(DataType.Password)]
    [Display(Name = "비밀번호")]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorEditModel
{
    [Required(ErrorMessage = "인증 코드를 입력하세요.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "인증 코드는 숫자 6자리입니다.")]
    [Display(Name = "인증 코드")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordEditModel
{
    [Required(ErrorMessage = "현재 비밀번호를 입력하세요.")]
    [DataType(DataType.Password)]
    [Display(Name = "현재 비밀번호")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "새 비밀번호를 입력하세요.")]
    [StringLength(128, ErrorMessage = "비밀번호는 128자 이내로 입력하세요.")]
    [DataType(DataType.Password)]
    [Display(Name = "새 비밀번호")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "새 비밀번호를 한 번 더 입력하세요.")]
    [Compare(nameof(NewPassword), ErrorMessage = "새 비밀번호가 서로 다릅니다.")]
    [DataType(DataType.Password)]
    [Display(Name = "새 비밀번호 확인")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class AuthenticatorViewModel
{
    public string SharedKey { get; set; } = string.Empty;

    public string QrCodeDataUri { get; set; } = string.Empty;

    public bool IsRequired { get; set; }

    [Required(ErrorMessage = "인증 앱에 표시된 6자리 코드를 입력하세요.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "인증 코드는 숫자 6자리입니다.")]
    [Display(Name = "인증 코드")]
    public string Code { get; set; } = string.Empty;
}
