using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.PlanWorkbook;

/// <summary>
/// A plan as one Excel workbook: download any plan, download the empty form, and (for the
/// coordinating office) import a workbook as a new draft plan of the signer's government,
/// confirming first any departments it would create. Layout: docs/plan-workbook.md.
/// </summary>
[Route("plans")]
public sealed class PlanWorkbookController(
    PlanWorkbookService service, PendingPlanImports pending, AppDbContext db, AuditLog audit, ILogger<PlanWorkbookController> log) : Controller
{
    public const string ConfirmView = "ImportConfirm";
    public const string TemplateView = "Template";
    public const string Expired = "확인할 통합 문서를 찾을 수 없습니다. 30분이 지났거나 이미 처리했습니다. 파일을 다시 올리세요.";

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

    /// <summary>The template of the signer's government; without a query it is the default four years, as the plain links ask.</summary>
    [HttpGet("workbook-template")]
    public async Task<IActionResult> Template([FromQuery] PlanTemplateEditModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(TemplateView, form);
        }

        var years = form.Years ?? PlanTemplateEditModel.DefaultYears;
        var file = await service.TemplateAsync(User.GovernmentId(), years, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        log.LogInformation("Plan workbook template of {Years} years downloaded by user {UserId}", years, UserId);
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

        var request = new PlanImportRequest(User.GovernmentId(), form.NewTitle, MayCreateDepartments(User), []);
        PlanImportResult result;
        await using (var stream = form.Workbook.OpenReadStream())
        {
            result = await service.ImportAsync(form.Workbook.FileName, form.Workbook.Length, stream, request, cancellationToken);
        }

        if (result.NeedsConfirmation)
        {
            // The guard has accepted the file, so it is at most MaxUploadBytes; the form keeps it buffered.
            using var copy = new MemoryStream((int)form.Workbook.Length);
            await using (var stream = form.Workbook.OpenReadStream())
            {
                await stream.CopyToAsync(copy, cancellationToken);
            }

            var token = pending.Keep(UserId!, copy.ToArray(), form.Workbook.FileName, form.NewTitle, result.NewDepartments);
            return await ConfirmationAsync(token, form.Workbook.FileName, form.NewTitle, result.NewDepartments, cancellationToken);
        }

        return await OutcomeAsync(result, form.Workbook.FileName, form.NewTitle, cancellationToken);
    }

    /// <summary>The user agreed to the departments shown: the kept upload is imported again, creating exactly those.</summary>
    [HttpPost("import/confirm")]
    [Authorize(Policy = Policies.EditPlans)]
    [WorkbookImportLimit]
    public async Task<IActionResult> Confirm(PlanImportConfirmEditModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!MayCreateDepartments(User))
        {
            return Forbid();
        }

        if (!ModelState.IsValid || pending.Take(UserId!, form.Token) is not { } kept)
        {
            return View(nameof(Import), PlanImportViewModel.For(service.Options, problems: [WorkbookProblem.OfFile(Expired)]));
        }

        var request = new PlanImportRequest(User.GovernmentId(), kept.NewTitle, MayCreateDepartments: true, kept.NewDepartments.Select(d => d.Name).ToList());
        using var stream = new MemoryStream(kept.Content, writable: false);
        var result = await service.ImportAsync(kept.FileName, kept.Content.Length, stream, request, cancellationToken);
        if (result.NeedsConfirmation)
        {
            // A department was added or renamed meanwhile: the list changed, so it is shown again.
            var token = pending.Keep(UserId!, kept.Content, kept.FileName, kept.NewTitle, result.NewDepartments);
            return await ConfirmationAsync(token, kept.FileName, kept.NewTitle, result.NewDepartments, cancellationToken);
        }

        return await OutcomeAsync(result, kept.FileName, kept.NewTitle, cancellationToken);
    }

    [HttpPost("import/cancel")]
    [Authorize(Policy = Policies.EditPlans)]
    public IActionResult Cancel(PlanImportConfirmEditModel form)
    {
        ArgumentNullException.ThrowIfNull(form);
        pending.Discard(UserId!, form.Token);
        TempData["Notice"] = "가져오기를 취소했습니다. 아무것도 만들지 않았습니다.";
        return RedirectToAction(nameof(Import));
    }

    /// <summary>
    /// Who may create departments by importing: the coordinating office that imports, and the
    /// administrators, who manage departments anyway. Checked here and by the service, so that
    /// widening who imports does not quietly widen who creates departments.
    /// </summary>
    public static bool MayCreateDepartments(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.GovernmentAdmin);
    }

    private async Task<IActionResult> OutcomeAsync(PlanImportResult result, string fileName, string? newTitle, CancellationToken cancellationToken)
    {
        if (result.PlanId is { } id)
        {
            // The departments' own rows are written by SaveBookkeeping; this row says why they came.
            var created = result.NewDepartments;
            var detail = created.Count == 0 ? $"plan {id} from {fileName}" : $"plan {id} from {fileName}, new departments: {string.Join(", ", created.Select(d => d.Name))}";
            await audit.WriteAsync(AuditAction.Imported, detail: detail, cancellationToken: cancellationToken);
            log.LogInformation("Plan {PlanId} imported from a workbook by user {UserId} with {NewDepartmentCount} new departments", id, UserId, created.Count);
            TempData["Notice"] = created.Count == 0
                ? "통합 문서에서 새 기본계획을 '작성중' 상태로 만들었습니다. 내용을 확인하세요."
                : $"부서 {created.Count.ToString(Shared.Formats.Korean)}개를 새로 만들고, 통합 문서에서 새 기본계획을 '작성중' 상태로 만들었습니다. 내용을 확인하세요.";
            return RedirectToAction("Overview", "Plans", new { id });
        }

        if (result.TitleTaken && !string.IsNullOrWhiteSpace(newTitle))
        {
            ModelState.AddModelError(nameof(PlanImportEditModel.NewTitle), "이 계획명의 계획이 이미 있습니다. 다른 계획명을 입력하세요.");
        }

        return View(nameof(Import), PlanImportViewModel.For(service.Options, newTitle, result.Problems, MayCreateDepartments(User) ? result.NewDepartments : null));
    }

    private async Task<IActionResult> ConfirmationAsync(string token, string fileName, string? newTitle, IReadOnlyList<NewDepartment> newDepartments, CancellationToken cancellationToken)
    {
        var governmentId = User.GovernmentId();
        var government = await db.LocalGovernments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => g.Name).SingleAsync(cancellationToken);
        return View(ConfirmView, new PlanImportConfirmViewModel
        {
            Token = token,
            FileName = fileName,
            NewTitle = newTitle,
            GovernmentName = government,
            NewDepartments = newDepartments,
        });
    }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
}
