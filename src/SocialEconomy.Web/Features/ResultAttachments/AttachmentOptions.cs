namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>The "Attachments" section of appsettings.json: evidence files of results.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    private const long Megabyte = 1024 * 1024;

    /// <summary>The largest evidence file accepted (20 MB by default).</summary>
    public long MaxFileBytes { get; set; } = 20 * Megabyte;

    /// <summary>How many files one sub-project's year may hold.</summary>
    public int MaxFilesPerResult { get; set; } = 30;

    /// <summary>The most entries a DOCX, XLSX or HWPX archive may have before it is refused unread.</summary>
    public int MaxArchiveEntries { get; set; } = 2000;

    /// <summary>The most bytes such an archive may unpack to (100 MB): a DOCX that unpacked to 1 GB was once stored.</summary>
    public long MaxArchiveUnpackedBytes { get; set; } = 100 * Megabyte;

    public long MaxRequestBytes => MaxFileBytes + (64 * 1024);

    public string MaxFileLabel => Shared.Formats.FileSize(MaxFileBytes);

    /// <summary>These limits in the form the zip guard shared with the workbook uploads reads; its ratio rule is kept as it is.</summary>
    public PlanWorkbook.PlanWorkbookOptions ArchiveLimits() => new()
    {
        MaxEntries = MaxArchiveEntries,
        MaxUncompressedBytes = MaxArchiveUnpackedBytes,
    };
}
