using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// A plan as one Excel workbook: download any plan, download the empty form, and (for the
/// coordinating office) import a workbook as a new draft plan. Layout: docs/plan-workbook.md.
/// </summary>
[Route("plans")]
public sealed class PlanWorkbookController(PlanWorkbookService service, AuditLog audit, ILogger<PlanWorkbookController> log) : Controller
{
    [HttpGet("{id:int}/workbook")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var file = await service.ExportAsync(id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        // Exports of plan data are audited like changes (docs/security.md).
        await audit.WriteAsync(AuditAction.Exported, detail: $"plan {id} workbook", cancellationToken: cancellationToken);
        log.LogInformation("Exported plan {PlanId} as a workbook for user {UserId}", id, UserId);
        return File(file.Content, PlanWorkbookLayout.ContentType, file.FileName);
    }

    [HttpGet("workbook-template")]
    public IActionResult Template()
    {
        var file = service.Template();
        log.LogInformation("Plan workbook template downloaded by user {UserId}", UserId);
        return File(file.Content, PlanWorkbookLayout.ContentType, file.FileName);
    }

    [HttpGet("import")]
    [Authorize(Policy = Policies.EditPlans)]
    public IActionResult Import() => View(PlanImportViewModel.For(service.Options));

    [HttpPost("import")]
    [Authorize(Policy = Policies.EditPlans)]
    [WorkbookUploadLimits]
    [WorkbookImportLimit]
    public async Task<IActionResult> Import(PlanImportEditModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid || form.Workbook is null)
        {
            return View(PlanImportViewModel.For(service.Options, form.NewTitle));
        }

        PlanImportResult result;
        await using (var stream = form.Workbook.OpenReadStream())
        {
            result = await service.ImportAsync(form.Workbook.FileName, form.Workbook.Length, stream, form.NewTitle, cancellationToken);
        }

        if (result.PlanId is { } id)
        {
            await audit.WriteAsync(AuditAction.Imported, detail: $"plan {id} from {form.Workbook.FileName}", cancellationToken: cancellationToken);
            log.LogInformation("Plan {PlanId} imported from a workbook by user {UserId}", id, UserId);
            TempData["Notice"] = "통합 문서에서 새 기본계획을 '작성중' 상태로 만들었습니다. 내용을 확인하세요.";
            return RedirectToAction("Overview", "Plans", new { id });
        }

        if (result.TitleTaken && !string.IsNullOrWhiteSpace(form.NewTitle))
        {
            ModelState.AddModelError(nameof(form.NewTitle), "이 계획명의 계획이 이미 있습니다. 다른 계획명을 입력하세요.");
        }

        return View(PlanImportViewModel.For(service.Options, form.NewTitle, result.Problems));
    }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
}
