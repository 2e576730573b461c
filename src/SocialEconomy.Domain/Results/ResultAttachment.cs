namespace SocialEconomy.Domain.Results;

/// <summary>
/// An evidence file of a year's results (증빙자료). This is its description; the bytes are
/// stored apart so that listing attachments never reads them.
/// </summary>
public class ResultAttachment
{
    public const int FileNameMaxLength = 200;

    public ResultAttachment(YearResult result, string fileName, string contentType, long length, string sha256, string uploadedBy, DateTime uploadedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsEditable)
        {
            throw new DomainException(result.EditRefusal ?? "지금은 증빙자료를 올릴 수 없습니다.");
        }

        YearResult = result;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAtUtc = uploadedAtUtc;
    }

    private ResultAttachment()
    {
        YearResult = null!;
        FileName = ContentType = Sha256 = UploadedBy = string.Empty;
    }

    public int Id { get; private set; }

    public int YearResultId { get; private set; }

    public YearResult YearResult { get; private set; }

    /// <summary>The original name, already neutralised (no path, control or direction characters).</summary>
    public string FileName { get; private set; }

    /// <summary>The type found in the content, not the one the browser claimed.</summary>
    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }
}
