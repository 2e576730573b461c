using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Organization;

namespace SocialEconomy.Web.Features.AdminGovernments;

/// <summary>
/// What a 시스템관리자 sets on a government. The level is chosen once, at creation (a
/// 시·도 does not become a 시·군·구); whether it is active is a button of its own.
/// </summary>
public abstract class GovernmentDetailsEditModel
{
    public const string ParentUnknown = "목록에 있는 시·도만 고를 수 있습니다.";

    [Required(ErrorMessage = "기관명을 입력하세요.")]
    [StringLength(LocalGovernment.NameMaxLength, ErrorMessage = "기관명은 100자 이내로 입력하세요.")]
    [Display(Name = "기관명 (공식 명칭)")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "약칭을 입력하세요.")]
    [StringLength(LocalGovernment.ShortNameMaxLength, ErrorMessage = "약칭은 50자 이내로 입력하세요.")]
    [Display(Name = "약칭")]
    public string ShortName { get; set; } = string.Empty;

    // The domain refuses the same; here it is reported with the other fields at once.
    [RegularExpression("^[0-9]{7}$", ErrorMessage = "행정기관코드는 숫자 7자리로 입력하세요.")]
    [Display(Name = "행정기관코드 (선택)")]
    public string? Code { get; set; }

    [Display(Name = "상위 기관 (시·도)")]
    public int? ParentId { get; set; }
}

public sealed class NewGovernmentEditModel : GovernmentDetailsEditModel
{
    public const string LevelRequired = "구분을 고르세요.";

    [Required(ErrorMessage = LevelRequired)]
    [Display(Name = "구분")]
    public GovernmentLevel? Level { get; set; }
}

public sealed class GovernmentEditModel : GovernmentDetailsEditModel
{
    /// <summary>The government's version when the form was drawn: a save over someone else's newer change is refused.</summary>
    public Guid Version { get; set; }
}

public sealed record GovernmentListItem(
    int Id,
    string Name,
    string ShortName,
    GovernmentLevel Level,
    string? ParentName,
    string? Code,
    bool IsActive,
    int ActiveUsers,
    int Plans);

public sealed record GovernmentOption(int Id, string Label);

/// <summary>The stored government beside the edit form (never bound).</summary>
public sealed record GovernmentFacts(
    int Id,
    string Name,
    string ShortName,
    GovernmentLevel Level,
    string? ParentName,
    string? Code,
    bool IsActive,
    int ActiveUsers,
    int Plans,
    Guid Version);

/// <summary>The fields both forms share, for the _GovernmentFields partial.</summary>
public sealed record GovernmentFieldsViewModel(GovernmentDetailsEditModel Input, bool OffersParent, IReadOnlyList<GovernmentOption> Parents);

public sealed class NewGovernmentViewModel
{
    public NewGovernmentEditModel Input { get; init; } = new();

    public IReadOnlyList<GovernmentOption> Parents { get; init; } = [];
}

public sealed class GovernmentEditViewModel
{
    public required GovernmentFacts Government { get; init; }

    public GovernmentEditModel Input { get; init; } = new();

    public IReadOnlyList<GovernmentOption> Parents { get; init; } = [];

    /// <summary>Set when another administrator saved first: what is stored now, shown beside what was typed.</summary>
    public bool ShowsConflict { get; init; }
}

public static class GovernmentLevelText
{
    /// <summary>The words of LocalGovernment.LevelLabel, for a list row that carries only the level.</summary>
    public static string Label(GovernmentLevel level) => level == GovernmentLevel.Province ? "광역(시·도)" : "기초(시·군·구)";
}
