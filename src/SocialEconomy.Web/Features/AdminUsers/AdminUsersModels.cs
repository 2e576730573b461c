using System.ComponentModel.DataAnnotations;
using SocialEconomy.Web.Data.Identity;
using PortalRoles = SocialEconomy.Web.Security.Roles;

namespace SocialEconomy.Web.Features.AdminUsers;

/// <summary>
/// What an administrator may set on an account: name, roles and departments. Nothing that
/// decides access beyond these (active, must-change-password, lockout, the id) is a
/// property here, so a posted field of that name has nowhere to go (ASVS 8.2.3).
/// </summary>
public abstract class UserDetailsEditModel
{
    public const string RolesRequired = "역할을 하나 이상 고르세요.";
    public const string RoleUnknown = "목록에 있는 역할만 고를 수 있습니다.";
    public const string DepartmentRequired = "사업담당자는 담당 부서를 하나 이상 고르세요.";
    public const string DepartmentUnknown = "목록에 있는 부서만 고를 수 있습니다.";

    [Required(ErrorMessage = "이름을 입력하세요.")]
    [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "이름은 100자 이내로 입력하세요.")]
    [Display(Name = "이름")]
    public string DisplayName { get; set; } = string.Empty;

    [KnownRoles]
    [Display(Name = "역할")]
    public List<string> Roles { get; set; } = [];

    [RequiredForOfficers]
    [Display(Name = "부서")]
    public List<int> DepartmentIds { get; set; } = [];

    public bool IncludesRole(string role) => (Roles ?? []).Contains(role, StringComparer.Ordinal);

    // Property attributes rather than IValidatableObject: MVC runs a model's Validate only
    // when its fields are valid, and the form should show every message at once.
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class KnownRolesAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
            value is not IReadOnlyCollection<string?> roles || roles.Count == 0 ? new ValidationResult(RolesRequired)
            : roles.Any(r => r is null || !PortalRoles.All.Contains(r, StringComparer.Ordinal)) ? new ValidationResult(RoleUnknown)
            : ValidationResult.Success;
    }

    [AttributeUsage(AttributeTargets.Property)]
    private sealed class RequiredForOfficersAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
            validationContext.ObjectInstance is UserDetailsEditModel model
            && model.IncludesRole(PortalRoles.DepartmentOfficer)
            && value is not IReadOnlyCollection<int> { Count: > 0 }
                ? new ValidationResult(DepartmentRequired)
                : ValidationResult.Success;
    }
}

/// <summary>A new account. The password is never chosen by the administrator: the portal generates a temporary one.</summary>
public sealed class NewUserEditModel : UserDetailsEditModel
{
    [Required(ErrorMessage = "아이디를 입력하세요.")]
    [StringLength(64, ErrorMessage = "아이디는 64자 이내로 입력하세요.")]

    // Identity checks the same (in Korean too) on save; here it is reported with the other fields at once.
    [RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "아이디는 영문, 숫자와 - . _ @ 만 쓸 수 있습니다.")]
    [Display(Name = "아이디")]
    public string UserName { get; set; } = string.Empty;

    /// <summary>The account's government; honoured for a 시스템관리자 only (a 기관관리자's accounts are always of their own government).</summary>
    public int? LocalGovernmentId { get; set; }
}

/// <summary>Moving an account to another government (시스템관리자 only).</summary>
public sealed class MoveUserEditModel
{
    public const string GovernmentRequired = "옮길 기관을 고르세요.";

    [Required(ErrorMessage = GovernmentRequired)]
    [Display(Name = "옮길 기관")]
    public int? LocalGovernmentId { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

/// <summary>Changes to an existing account; the account is named by the route, never by the form.</summary>
public sealed class UserEditModel : UserDetailsEditModel
{
    /// <summary>The account's stamp when the form was drawn: a save over someone else's newer change is refused.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public enum UserStatus
{
    Active,
    Inactive,
    Locked,
}

public static class UserStatusText
{
    public const string ActiveValue = "active";
    public const string InactiveValue = "inactive";
    public const string LockedValue = "locked";

    public static IReadOnlyList<(string Value, string Label)> Options { get; } =
    [
        (ActiveValue, Label(UserStatus.Active)),
        (InactiveValue, Label(UserStatus.Inactive)),
        (LockedValue, Label(UserStatus.Locked)),
    ];

    public static string Label(UserStatus status) => status switch
    {
        UserStatus.Active => "활성",
        UserStatus.Inactive => "비활성",
        UserStatus.Locked => "잠김",
        _ => status.ToString(),
    };

    public static UserStatus? Parse(string? value) => value switch
    {
        ActiveValue => UserStatus.Active,
        InactiveValue => UserStatus.Inactive,
        LockedValue => UserStatus.Locked,
        _ => null,
    };

    /// <summary>Deactivation outranks a lockout: a deactivated account cannot sign in either way.</summary>
    public static UserStatus Of(bool isActive, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        !isActive ? UserStatus.Inactive
        : lockoutEnd is { } end && end > now ? UserStatus.Locked
        : UserStatus.Active;
}

public sealed record UserListItem(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> RoleLabels,
    IReadOnlyList<string> Departments,
    UserStatus Status,
    string Government);

/// <summary>The list with its filter as given (unknown role or status values count as 전체).</summary>
public sealed record UserListViewModel(
    string Text,
    string? Role,
    string? Status,
    IReadOnlyList<UserListItem> Users,
    int TotalCount)
{
    /// <summary>The government filter (시스템관리자 only) and its choices; empty for a 기관관리자, whose list is their government's.</summary>
    public int? Government { get; init; }

    public IReadOnlyList<GovernmentChoice> Governments { get; init; } = [];
}

public sealed record GovernmentChoice(int Id, string Label);

public sealed record DepartmentOption(int Id, string Label);

/// <summary>The fields both forms share, for the _UserFields partial.</summary>
public sealed record UserFieldsViewModel(UserDetailsEditModel Input, IReadOnlyList<DepartmentOption> Departments, IReadOnlyList<string> GrantableRoles);

public sealed class NewUserViewModel
{
    public NewUserEditModel Input { get; init; } = new();

    public IReadOnlyList<DepartmentOption> Departments { get; init; } = [];

    public required IReadOnlyList<string> GrantableRoles { get; init; }

    /// <summary>The government the account will belong to, and (시스템관리자 only) the others it could.</summary>
    public required GovernmentChoice Government { get; init; }

    public IReadOnlyList<GovernmentChoice> Governments { get; init; } = [];
}

/// <summary>The facts of the stored account beside the form (never bound).</summary>
public sealed record UserAccountFacts(
    string Id,
    string UserName,
    string DisplayName,
    UserStatus Status,
    string? LockoutEndsAt,
    bool MustChangePassword,
    string CreatedAt,
    bool IsSelf,
    int GovernmentId,
    string Government);

/// <summary>What another administrator saved meanwhile, shown beside what this one typed.</summary>
public sealed record UserConflict(string DisplayName, IReadOnlyList<string> RoleLabels, IReadOnlyList<string> Departments);

public sealed class UserEditViewModel
{
    public required UserAccountFacts Account { get; init; }

    public UserEditModel Input { get; init; } = new();

    public IReadOnlyList<DepartmentOption> Departments { get; init; } = [];

    /// <summary>Set once, right after creation or a reset; the page is never cached (no-store).</summary>
    public string? TemporaryPassword { get; init; }

    public UserConflict? Conflict { get; init; }

    public required IReadOnlyList<string> GrantableRoles { get; init; }

    /// <summary>The governments the account may be moved to; empty unless the signer is a 시스템관리자.</summary>
    public IReadOnlyList<GovernmentChoice> MoveTargets { get; init; } = [];

    public MoveUserEditModel Move { get; init; } = new();
}
