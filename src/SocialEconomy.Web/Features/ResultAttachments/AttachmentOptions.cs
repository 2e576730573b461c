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

    public long MaxRequestBytes => MaxFileBytes + (64 * 1024);

    public string MaxFileLabel => Shared.Formats.FileSize(MaxFileBytes);
}
