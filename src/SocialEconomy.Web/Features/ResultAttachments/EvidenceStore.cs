using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Results;
using SocialEconomy.Web.Data;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// Checks and stores one evidence file of a year's results: the type from the content (and
/// the name's extension agreeing with it, and the content being what the type claims), the
/// neutralised name, the limits; description and bytes saved together. The year page's form
/// reads the file first (<see cref="ReadAsync"/>, no database) and adds it within its own
/// transaction (<see cref="AddAsync"/>); the upload endpoint does both and saves
/// (<see cref="StoreAsync"/>).
/// </summary>
public sealed class EvidenceStore(AppDbContext db, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    /// <summary>Stores the file under <paramref name="result"/> (saved already, or added with it); returns the Korean notice to show.</summary>
    public async Task<EvidenceOutcome> StoreAsync(YearResult result, ResultsPeriod? period, IFormFile? file, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (period is not { IsOpen: true })
        {
            return EvidenceOutcome.Refused($"{result.Year}년 실적 입력 기간이 열려 있지 않아 증빙자료를 올릴 수 없습니다.");
        }

        var (evidence, refusal) = await ReadAsync(file, cancellationToken);
        if (evidence is null)
        {
            return EvidenceOutcome.Refused(refusal!);
        }

        var outcome = await AddAsync(result, evidence, actor, cancellationToken);
        if (outcome.Stored)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Reads the upload into memory and checks it, touching no database: the file, or why it is
    /// refused. Kept apart so that a save's transaction is not held open while a 20 MB file is parsed.
    /// </summary>
    public async Task<(EvidenceFile? File, string? Refusal)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (file is null || file.Length == 0)
        {
            return (null, "올릴 파일을 고르세요.");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return (null, $"증빙자료는 한 파일에 {limits.MaxFileLabel}까지 올릴 수 있습니다.");
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
            return (null, $"'{name}'은(는) 올릴 수 없는 형식입니다. 파일 내용이 {FileKind.AllowedLabel} 가운데 하나여야 합니다.");
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!kind.Extensions.Contains(extension))
        {
            return (null, $"'{name}'의 내용은 {kind.Label} 파일인데 이름의 확장자는 '{extension}'입니다. 확장자를 {string.Join(" 또는 ", kind.Extensions)}(으)로 맞춰 다시 올리세요.");
        }

        return EvidenceContent.Refusal(kind, content, name, limits) is { } refusal
            ? (null, refusal)
            : (new EvidenceFile(name, kind, content), null);
    }

    /// <summary>Adds a checked file to <paramref name="result"/> in the context; the caller's SaveChanges stores it.</summary>
    public async Task<EvidenceOutcome> AddAsync(YearResult result, EvidenceFile file, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(file);
        var limits = options.Value;
        if (result.Id != 0 && await db.ResultAttachments.CountAsync(a => a.YearResultId == result.Id, cancellationToken) >= limits.MaxFilesPerResult)
        {
            return EvidenceOutcome.Refused($"한 세부사업의 한 해 증빙자료는 {limits.MaxFilesPerResult}개까지입니다. 필요 없는 파일을 지운 뒤 올리세요.");
        }

        try
        {
            var attachment = new ResultAttachment(result, file.Name, file.Kind.ContentType, file.Content.LongLength, Convert.ToHexStringLower(SHA256.HashData(file.Content)), actor, clock.GetUtcNow().UtcDateTime);
            db.ResultAttachments.Add(attachment);
            db.AttachmentBlobs.Add(new AttachmentBlob(attachment, file.Content));
        }
        catch (DomainException e)
        {
            return EvidenceOutcome.Refused(e.Message);
        }

        return new EvidenceOutcome(true, $"증빙자료 '{file.Name}'을(를) 올렸습니다.");
    }
}

/// <summary>An upload that passed every check: its neutralised name, its kind and its bytes.</summary>
public sealed record EvidenceFile(string Name, FileKind Kind, byte[] Content);

/// <summary>Whether a file was stored, and the Korean notice saying so or why not.</summary>
public sealed record EvidenceOutcome(bool Stored, string Notice)
{
    public static EvidenceOutcome Refused(string notice) => new(false, notice);
}
