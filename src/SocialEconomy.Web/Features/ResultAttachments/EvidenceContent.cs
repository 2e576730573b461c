using System.IO.Compression;
using SocialEconomy.Web.Features.PlanWorkbook;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// Whether a file is what its signature claims (ASVS v5.0.0-5.2.2; KISA IV-1.6): a PDF opens
/// with a page and carries no markup, an image is well formed, and a DOCX, XLSX or HWPX
/// passes the workbook upload's zip guard (entry count, unpacked size, compression ratio).
/// </summary>
public static class EvidenceContent
{
    /// <summary>Null when <paramref name="content"/> is a sound file of <paramref name="kind"/>; otherwise the Korean refusal.</summary>
    public static string? Refusal(FileKind kind, byte[] content, string name, AttachmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(options);
        var problem = kind switch
        {
            _ when kind == FileKind.Pdf => PdfContent.Problem(content),
            _ when kind == FileKind.Png => PngContent.Problem(content),
            _ when kind == FileKind.Jpeg => JpegContent.Problem(content),
            _ when kind == FileKind.Docx || kind == FileKind.Xlsx || kind == FileKind.Hwpx => PackageProblem(content, options),
            _ => null,
        };
        return problem is null ? null : $"'{name}'은(는) 올바른 {kind.Label} 파일이 아니어서 올리지 않았습니다: {problem}.";
    }

    private static string? PackageProblem(byte[] content, AttachmentOptions options)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return WorkbookGuard.InspectPackage(archive, options.ArchiveLimits())?.Message.TrimEnd('.');
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            return "압축을 풀 수 없습니다. 손상된 파일입니다";
        }
    }
}
