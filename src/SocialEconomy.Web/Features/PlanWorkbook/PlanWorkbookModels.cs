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

    public static PlanImportViewModel For(PlanWorkbookOptions options, string? newTitle = null, IReadOnlyList<WorkbookProblem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = problems ?? [];
        return new PlanImportViewModel
        {
            NewTitle = newTitle,
            MaxUploadLabel = options.MaxUploadLabel,
            Problems = all.Take(Math.Max(1, options.MaxProblemsShown)).ToList(),
            ProblemCount = all.Count,
        };
    }
}
