namespace SocialEconomy.Web.Data;

/// <summary>
/// The bytes of a <see cref="Domain.Results.ResultAttachment"/>, in a table of their own: in the
/// database (never under wwwroot), saved in the same transaction as the description, and read
/// only when the file is downloaded.
/// </summary>
public class AttachmentBlob
{
    public AttachmentBlob(Domain.Results.ResultAttachment attachment, byte[] content)
    {
        Attachment = attachment;
        Content = content;
    }

    private AttachmentBlob()
    {
        Attachment = null!;
        Content = [];
    }

    public int AttachmentId { get; private set; }

    public Domain.Results.ResultAttachment Attachment { get; private set; }

    public byte[] Content { get; private set; }
}
