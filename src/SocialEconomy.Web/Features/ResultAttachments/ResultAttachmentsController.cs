using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;
using SocialEconomy.Web.Data.Auditing;
using SocialEconomy.Web.Features.Results;
using SocialEconomy.Web.Security;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// Evidence files (증빙자료) of a year's results. The type is read from the content (PDF,
/// HWP, HWPX, DOCX, XLSX, JPG, PNG) and must agree with the name's extension; the name is
/// neutralised; the bytes live in the database, never under wwwroot, and are sent only to
/// those who may read the sub-project's results, as a download with the original name.
/// </summary>
[Route("results")]
public sealed class ResultAttachmentsController(AppDbContext db, ResultEntry entry, EvidenceStore store, AuditLog audit, TimeProvider clock) : Controller
{
    [HttpPost("{planId:int}/{year:int}/{code}/attachments")]
    [AttachmentUploadLimits]
    public async Task<IActionResult> Upload(int planId, int year, string code, IFormFile? file, CancellationToken cancellationToken)
    {
        var loaded = await entry.LoadAsync(planId, year, code, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!SubProjectAccess.CanWorkOn(User, loaded.SubProject))
        {
            return Forbid();
        }

        var result = loaded.Result;
        if (result is null && loaded.Period is { IsOpen: true } && file is { Length: > 0 })
        {
            // The first thing saved for the year may be a file: the draft it hangs on is created with it.
            result = new YearResult(loaded.SubProject, loaded.Year);
            result.Touch(User.Identity?.Name ?? "unknown", clock.GetUtcNow().UtcDateTime);
            db.YearResults.Add(result);
        }

        var outcome = result is null
            ? await store.StoreAsync(new YearResult(loaded.SubProject, loaded.Year), loaded.Period, file, User.Identity?.Name ?? "unknown", cancellationToken)
            : await store.StoreAsync(result, loaded.Period, file, User.Identity?.Name ?? "unknown", cancellationToken);

        // A refusal is an error beside the page's file field, never a success notice.
        TempData[outcome.Stored ? "Notice" : "FileError"] = outcome.Notice;
        return RedirectToAction(nameof(Results.YearResultsController.SubProject), "YearResults", new { planId, year, code }, "attachments");
    }

    [HttpGet("attachments/{id:int}")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var attachment = await db.ResultAttachments.AsNoTracking()
            .Include(a => a.YearResult).ThenInclude(r => r.SubProject).ThenInclude(s => s.SharingDepartments)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        if (!ResultsAccess.CanRead(User, attachment.YearResult.SubProject, attachment.YearResult.Status))
        {
            return Forbid();
        }

        var content = await db.AttachmentBlobs.AsNoTracking().Where(b => b.AttachmentId == id).Select(b => b.Content).SingleAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.Exported, detail: $"attachment {id}", cancellationToken: cancellationToken);

        // File() with a download name writes Content-Disposition: attachment with both a plain
        // and an RFC 6266 (filename*=UTF-8'') name; nosniff comes from the security headers.
        return File(content, attachment.ContentType, attachment.FileName);
    }

    [HttpPost("attachments/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var attachment = await db.ResultAttachments
            .Include(a => a.YearResult).ThenInclude(r => r.SubProject).ThenInclude(s => s.SharingDepartments)
            .Include(a => a.YearResult).ThenInclude(r => r.SubProject).ThenInclude(s => s.Task)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        var result = attachment.YearResult;
        if (!SubProjectAccess.CanWorkOn(User, result.SubProject))
        {
            return Forbid();
        }

        var back = RedirectToAction(nameof(Results.YearResultsController.SubProject), "YearResults", new { planId = result.SubProject.Task.PlanId, year = result.Year, code = result.SubProject.Code }, "attachments");
        var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == result.SubProject.Task.PlanId && p.Year == result.Year, cancellationToken);
        var refusal = result.EditRefusal ?? (period is { IsOpen: true } ? null : "실적 입력 기간이 닫혀 있어 증빙자료를 지울 수 없습니다.");
        if (refusal is not null)
        {
            TempData["Notice"] = refusal;
            return back;
        }

        db.ResultAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"증빙자료 '{attachment.FileName}'을(를) 지웠습니다.";
        return back;
    }
}
