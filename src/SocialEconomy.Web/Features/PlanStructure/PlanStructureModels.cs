using System.ComponentModel.DataAnnotations;

namespace SocialEconomy.Web.Features.PlanStructure;

public sealed class NewPlanEditModel
{
    [Required(ErrorMessage = "계획명을 입력하세요.")]
    [StringLength(200, ErrorMessage = "계획명은 200자 이내로 입력하세요.")]
    [Display(Name = "계획명")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "자치단체명을 입력하세요.")]
    [StringLength(100, ErrorMessage = "자치단체명은 100자 이내로 입력하세요.")]
    [Display(Name = "자치단체")]
    public string District { get; set; } = string.Empty;

    [Required(ErrorMessage = "주무부서를 고르세요.")]
    [Display(Name = "주무부서")]
    public int? OwningDepartmentId { get; set; }

    [Required(ErrorMessage = "시작연도를 입력하세요.")]
    [Range(1990, 2100, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    [Display(Name = "시작연도")]
    public int? FirstYear { get; set; }

    [Required(ErrorMessage = "종료연도를 입력하세요.")]
    [Range(1990, 2100, ErrorMessage = "연도는 1990년부터 2100년 사이로 입력하세요.")]
    [Display(Name = "종료연도")]
    public int? LastYear { get; set; }

    [Required(ErrorMessage = "비전을 입력하세요.")]
    [StringLength(500, ErrorMessage = "비전은 500자 이내로 입력하세요.")]
    [Display(Name = "비전")]
    public string Vision { get; set; } = string.Empty;

    [StringLength(4000)]
    [Display(Name = "목표 (한 줄에 하나)")]
    [DataType(DataType.MultilineText)]
    public string? Goals { get; set; }

    /// <summary>The period rule, checked even when other fields are invalid (MVC skips IValidatableObject then).</summary>
    public string? PeriodError() =>
        FirstYear is { } first && LastYear is { } last
            ? last < first ? "종료연도가 시작연도보다 앞설 수 없습니다." : last - first + 1 > 20 ? "계획기간은 20년을 넘을 수 없습니다." : null
            : null;
}

public sealed class NewTaskEditModel
{
    [Required(ErrorMessage = "과제 번호를 입력하세요.")]
    [Range(1, 99, ErrorMessage = "과제 번호는 1부터 99 사이로 입력하세요.")]
    [Display(Name = "과제 번호")]
    public int? Number { get; set; }

    [Required(ErrorMessage = "추진과제명을 입력하세요.")]
    [StringLength(200, ErrorMessage = "추진과제명은 200자 이내로 입력하세요.")]
    [Display(Name = "추진과제명")]
    public string Name { get; set; } = string.Empty;

    [StringLength(100, ErrorMessage = "약칭은 100자 이내로 입력하세요.")]
    [Display(Name = "약칭")]
    public string? ShortName { get; set; }
}

public sealed class NewSubProjectEditModel
{
    [Required(ErrorMessage = "추진과제를 고르세요.")]
    [Display(Name = "추진과제")]
    public int? TaskNumber { get; set; }

    [Required(ErrorMessage = "세부사업 코드를 입력하세요.")]
    [Display(Name = "세부사업 코드")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "세부사업명을 입력하세요.")]
    [StringLength(200, ErrorMessage = "세부사업명은 200자 이내로 입력하세요.")]
    [Display(Name = "세부사업명")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "주관부서를 고르세요.")]
    [Display(Name = "주관부서")]
    public int? LeadDepartmentId { get; set; }
}

public sealed record Option(string Value, string Label);

public sealed record NewPlanViewModel(NewPlanEditModel Input, IReadOnlyList<Option> Departments);

public sealed record PlanStructureViewModel(int PlanId, string PlanTitle, string Period, IReadOnlyList<Option> Tasks, IReadOnlyList<Option> Departments, NewTaskEditModel Task, NewSubProjectEditModel SubProject);
