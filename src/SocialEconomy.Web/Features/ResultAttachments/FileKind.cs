using System.IO.Compression;
using System.Text;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>An accepted evidence file type, recognised from its content, never from its name.</summary>
public sealed record FileKind(string Label, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Png = new("PNG", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Hwp = new("HWP", "application/x-hwp", [".hwp"]);
    public static readonly FileKind Hwpx = new("HWPX", "application/hwp+zip", [".hwpx"]);
    public static readonly FileKind Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Hwp, Hwpx, Docx, Xlsx, Jpeg, Png];

    public static string AllowedLabel => string.Join(", ", All.Select(k => k.Label));

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] HwpSignature = "HWP Document File"u8.ToArray();

    /// <summary>
    /// What the bytes are, or null when they are none of the accepted kinds. HWP 5 is an OLE
    /// compound file whose FileHeader stream starts "HWP Document File" (a Word .doc is OLE too,
    /// and is refused); DOCX, XLSX and HWPX are zip archives told apart by their entries.
    /// </summary>
    public static FileKind? Detect(byte[] content, int maxArchiveEntries)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (span.StartsWith(PngMagic))
        {
            return Png;
        }

        if (span.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (span.StartsWith(OleMagic))
        {
            return span.IndexOf(HwpSignature) >= 0 ? Hwp : null;
        }

        return span.StartsWith(ZipMagic) ? DetectArchive(content, maxArchiveEntries) : null;
    }

    private static FileKind? DetectArchive(byte[] content, int maxArchiveEntries)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > maxArchiveEntries)
            {
                return null;
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("word/document.xml"))
            {
                return Docx;
            }

            if (names.Contains("xl/workbook.xml"))
            {
                // A macro workbook (.xlsm) carries its code in xl/vbaProject.bin: not evidence.
                return names.Contains("xl/vbaProject.bin") ? null : Xlsx;
            }

            return zip.GetEntry("mimetype") is { Length: < 100 } mimetype && ReadSmall(mimetype) == "application/hwp+zip" ? Hwpx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string ReadSmall(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return reader.ReadToEnd().Trim();
    }
}
