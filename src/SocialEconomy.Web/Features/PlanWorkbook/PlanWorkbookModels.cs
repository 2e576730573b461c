using System.ComponentModel.DataAnnotations;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>The import form as posted: the file and an optional new title. Nothing else is bound.</summary>
public sealed class PlanImportEditModel
{
    [Required(ErrorMessage = "올릴 통합 문서(.xlsx)를 선택하세요.")]
    [Display(Name = PlanImportViewModel.WorkbookLabel)]
    public IFormFile? Workbook { get; set; }

    [StringLength(BasicPlan.TitleMaxLength, ErrorMessage = "새 계획명은 200자 이내로 입력하세요.")]
    [Display(Name = PlanImportViewModel.NewTitleLabel)]
    public string? NewTitle { get; set; }
}

/// <summary>The import page: the form again (never the file) and, after a refused upload, its problems.</summary>
public sealed class PlanImportViewModel
{
    public const string WorkbookLabel = "통합 문서 파일 (.xlsx)";
    public const string NewTitleLabel = "새 계획명 (선택)";

    /// <summary>Only for the label and the error link of the file field; a file is never sent back.</summary>
    [Display(Name = WorkbookLabel)]
    public IFormFile? Workbook { get; init; }

    [Display(Name = NewTitleLabel)]
    public string? NewTitle { get; init; }

    public string MaxUploadLabel { get; init; } = string.Empty;

    /// <summary>The problems listed on the page (at most the configured number).</summary>
    public IReadOnlyList<WorkbookProblem> Problems { get; init; } = [];

    /// <summary>All the problems found, listed or not.</summary>
    public int ProblemCount { get; init; }

    public bool WasRefused => ProblemCount > 0;

    /// <summary>After a refusal, the departments a corrected upload would offer to create.</summary>
    public IReadOnlyList<NewDepartment> NewDepartments { get; init; } = [];

    public PlanTemplateEditModel Template { get; init; } = new();

    public static PlanImportViewModel For(PlanWorkbookOptions options, string? newTitle = null, IReadOnlyList<WorkbookProblem>? problems = null, IReadOnlyList<NewDepartment>? newDepartments = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = problems ?? [];
        return new PlanImportViewModel
        {
            NewTitle = newTitle,
            MaxUploadLabel = options.MaxUploadLabel,
            Problems = all.Take(Math.Max(1, options.MaxProblemsShown)).ToList(),
            ProblemCount = all.Count,
            NewDepartments = newDepartments ?? [],
        };
    }
}

/// <summary>The confirmation step: the departments an upload without problems would create, and the token of the kept upload.</summary>
public sealed class PlanImportConfirmViewModel
{
    public required string Token { get; init; }

    public required string FileName { get; init; }

    public required string GovernmentName { get; init; }

    public string? NewTitle { get; init; }

    public required IReadOnlyList<NewDepartment> NewDepartments { get; init; }

    /// <summary>"다음 부서를 새로 만듭니다: 일자리경제과, 복지정책과".</summary>
    public string Summary => "다음 부서를 새로 만듭니다: " + string.Join(", ", NewDepartments.Select(d => d.Name));
}

/// <summary>The confirmation as posted: only the token of the kept upload; what is created is what the server kept.</summary>
public sealed class PlanImportConfirmEditModel
{
    [Required(ErrorMessage = "확인할 가져오기가 없습니다.")]
    [StringLength(128)]
    public string? Token { get; set; }
}

/// <summary>The template download form: how many years the example plan has (a query string, so the form is a GET).</summary>
public sealed class PlanTemplateEditModel
{
    public const int DefaultYears = 4;
    public const int MaxYears = 10;

    [Range(1, MaxYears, ErrorMessage = "계획기간은 1년에서 10년 사이의 햇수로 입력하세요.")]
    [Display(Name = "계획기간(년)")]
    public int? Years { get; set; } = DefaultYears;
}
