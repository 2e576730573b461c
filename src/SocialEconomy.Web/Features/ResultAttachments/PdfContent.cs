using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// A PDF must open as one, with at least one page, and carry no markup: "%PDF-" followed by
/// HTML and script was once stored, and a browser that sniffs it renders the script. PdfPig
/// (docs/results.md) reads the cross-reference table and the page tree.
/// </summary>
public static class PdfContent
{
    // What a browser needs to render a file as a page. Compressed PDF streams hold no such
    // text, and an uncompressed PDF has no reason to; XMP metadata uses namespaced tags.
    private static readonly byte[][] Markup =
    [
        .. new[] { "<html", "<!doctype", "<script", "<body", "<iframe" }.Select(Encoding.ASCII.GetBytes),
    ];

    /// <summary>Null when the bytes are a readable PDF; otherwise why not, in Korean.</summary>
    public static string? Problem(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ContainsMarkup(content))
        {
            return "PDF 안에 HTML이나 스크립트가 들어 있어 받지 않습니다";
        }

        try
        {
            using var document = PdfDocument.Open(content);
            return document.NumberOfPages < 1 ? "PDF에 쪽이 하나도 없습니다" : null;
        }
        catch (PdfDocumentEncryptedException)
        {
            return "암호가 걸린 PDF입니다. 암호를 풀고 저장해 올리세요";
        }
#pragma warning disable CA1031 // PdfPig throws many types for a broken file; each means "not a PDF we can read".
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return "PDF로 열리지 않습니다. 손상되었거나 PDF가 아닌 파일입니다";
        }
    }

    private static bool ContainsMarkup(ReadOnlySpan<byte> content)
    {
        for (var at = content.IndexOf((byte)'<'); at >= 0; at = NextTag(content, at))
        {
            foreach (var tag in Markup)
            {
                if (content.Length - at >= tag.Length && Ascii.EqualsIgnoreCase(content.Slice(at, tag.Length), tag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int NextTag(ReadOnlySpan<byte> content, int at)
    {
        var next = content[(at + 1)..].IndexOf((byte)'<');
        return next < 0 ? -1 : at + 1 + next;
    }
}
