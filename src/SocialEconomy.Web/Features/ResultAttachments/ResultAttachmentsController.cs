using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Domain;
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
public sealed class ResultAttachmentsController(AppDbContext db, ResultEntry entry, IOptions<AttachmentOptions> options, AuditLog audit, TimeProvider clock) : Controller
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

        var back = $"/results/{planId}/{year}/{Uri.EscapeDataString(code)}#attachments";
        TempData["Notice"] = await StoreAsync(loaded, file, cancellationToken);
        return Redirect(back);
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

        var back = $"/results/{result.SubProject.Task.PlanId}/{result.Year}/{Uri.EscapeDataString(result.SubProject.Code)}#attachments";
        var period = await db.ResultsPeriods.FirstOrDefaultAsync(p => p.PlanId == result.SubProject.Task.PlanId && p.Year == result.Year, cancellationToken);
        var refusal = result.EditRefusal ?? (period is { IsOpen: true } ? null : "실적 입력 기간이 닫혀 있어 증빙자료를 지울 수 없습니다.");
        if (refusal is not null)
        {
            TempData["Notice"] = refusal;
            return Redirect(back);
        }

        db.ResultAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"증빙자료 '{attachment.FileName}'을(를) 지웠습니다.";
        return Redirect(back);
    }

    /// <summary>Checks and stores one file; returns the Korean notice to show.</summary>
    private async Task<string> StoreAsync(ResultEntry.Loaded loaded, IFormFile? file, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (loaded.Period is not { IsOpen: true })
        {
            return $"{loaded.Year}년 실적 입력 기간이 열려 있지 않아 증빙자료를 올릴 수 없습니다.";
        }

        if (file is null || file.Length == 0)
        {
            return "올릴 파일을 고르세요.";
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return $"증빙자료는 한 파일에 {limits.MaxFileLabel}까지 올릴 수 있습니다.";
        }

        var name = FileNames.Neutralise(file.FileName, ResultAttachment.FileNameMaxLength);
        byte[] content;
        await using (var stream = file.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)file.Length);
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var kind = FileKind.Detect(content, limits.MaxArchiveEntries);
        if (kind is null)
        {
            return $"'{name}'은(는) 올릴 수 없는 형식입니다. 파일 내용이 {FileKind.AllowedLabel} 가운데 하나여야 합니다.";
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!kind.Extensions.Contains(extension))
        {
            return $"'{name}'의 내용은 {kind.Label} 파일인데 이름의 확장자는 '{extension}'입니다. 확장자를 {string.Join(" 또는 ", kind.Extensions)}(으)로 맞춰 다시 올리세요.";
        }

        var result = loaded.Result;
        if (result is null)
        {
            result = new YearResult(loaded.SubProject, loaded.Year);
            result.Touch(User.Identity?.Name ?? "unknown", clock.GetUtcNow().UtcDateTime);
            db.YearResults.Add(result);
        }
        else if (await db.ResultAttachments.CountAsync(a => a.YearResultId == result.Id, cancellationToken) >= limits.MaxFilesPerResult)
        {
            return $"한 세부사업의 한 해 증빙자료는 {limits.MaxFilesPerResult}개까지입니다. 필요 없는 파일을 지운 뒤 올리세요.";
        }

        try
        {
            var attachment = new ResultAttachment(result, name, kind.ContentType, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)), User.Identity?.Name ?? "unknown", clock.GetUtcNow().UtcDateTime);
            db.ResultAttachments.Add(attachment);
            db.AttachmentBlobs.Add(new AttachmentBlob(attachment, content));
        }
        catch (DomainException e)
        {
            return e.Message;
        }

        await db.SaveChangesAsync(cancellationToken);
        return $"증빙자료 '{name}'을(를) 올렸습니다.";
    }
}
