using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Features.PlanStructure;

public sealed class NewActionItemEditModel
{
    [Required(ErrorMessage = "단위사업명을 입력하세요.")]
    [StringLength(200, ErrorMessage = "단위사업명은 200자 이내로 입력하세요.")]
    [Display(Name = "단위사업명")]
    public string Name { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "사업개요는 4000자 이내로 입력하세요.")]
    [Display(Name = "사업개요")]
    [DataType(DataType.MultilineText)]
    public string? Summary { get; set; }

    [Range(1990, 2100, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    [Display(Name = "시작연도")]
    public int? StartYear { get; set; }

    [Range(1990, 2100, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    [Display(Name = "종료연도")]
    public int? EndYear { get; set; }
}

public sealed class NewIndicatorEditModel
{
    [Required(ErrorMessage = "지표명을 입력하세요.")]
    [StringLength(200, ErrorMessage = "지표명은 200자 이내로 입력하세요.")]
    [Display(Name = "지표명")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "단위를 고르세요.")]
    [Display(Name = "단위")]
    public string? Unit { get; set; }

    [Required(ErrorMessage = "지표 유형을 고르세요.")]
    [Display(Name = "지표 유형")]
    public IndicatorKind? Kind { get; set; }

    [Required(ErrorMessage = "계 산정방식을 고르세요.")]
    [Display(Name = "계 산정방식")]
    public TotalRule? TotalRule { get; set; }

    [StringLength(TargetValue.TextMaxLength, ErrorMessage = "계 문구가 너무 깁니다.")]
    [Display(Name = "계 문구")]
    public string? TotalText { get; set; }
}

public sealed class NewMilestoneEditModel
{
    [StringLength(200, ErrorMessage = "구분은 200자 이내로 입력하세요.")]
    [Display(Name = "구분")]
    public string? Label { get; set; }
}

public sealed class NewBudgetLineEditModel
{
    [Required(ErrorMessage = "예산 항목명을 입력하세요.")]
    [StringLength(200, ErrorMessage = "예산 항목명은 200자 이내로 입력하세요.")]
    [Display(Name = "예산 항목명")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "금액 단위를 고르세요.")]
    [Display(Name = "금액 단위")]
    public string? Unit { get; set; }

    [Display(Name = "비예산")]
    public bool IsNonBudget { get; set; }

    [Display(Name = "연결 단위사업")]
    public int? ActionItemId { get; set; }
}

public sealed class NewSharingEditModel
{
    [Required(ErrorMessage = "협조부서를 고르세요.")]
    [Display(Name = "협조부서")]
    public int? DepartmentId { get; set; }
}

/// <summary>The parts of a plan's structure a coordinator may remove, as named in the URL.</summary>
public static class StructureKinds
{
    public const string Task = "task";
    public const string SubProject = "subproject";
    public const string ActionItem = "actionitem";
    public const string Indicator = "indicator";
    public const string Milestone = "milestone";
    public const string BudgetLine = "budgetline";
}

public sealed record RemoveViewModel(int PlanId, string PlanTitle, string Kind, int EntityId, string Description, string? Refusal);

/// <summary>The current tree shown on the structure page with its add forms and remove links.</summary>
public sealed record StructureTreeViewModel(
    int PlanId,
    bool IsDraft,
    IReadOnlyList<StrategicTask> Tasks,
    IReadOnlyList<Option> Departments,
    IReadOnlyList<Option> Units,
    IReadOnlyList<Option> MoneyUnits,
    IReadOnlyList<Option> Kinds,
    IReadOnlyList<Option> TotalRules,
    string? FailedForm);
