using System.Buffers.Binary;
using SocialEconomy.Web.Features.ResultAttachments;

namespace SocialEconomy.UnitTests.ResultAttachments;

public class EvidenceContentTests
{
    private static readonly AttachmentOptions Options = new();

    private static string? Refusal(FileKind kind, byte[] content, AttachmentOptions? options = null) =>
        EvidenceContent.Refusal(kind, content, "증빙", options ?? Options);

    [Fact]
    public void Refusal_RealFilesOfEachKind_IsNone()
    {
        Assert.Null(Refusal(FileKind.Pdf, SampleFiles.Pdf));
        Assert.Null(Refusal(FileKind.Png, SampleFiles.Png));
        Assert.Null(Refusal(FileKind.Jpeg, SampleFiles.Jpeg));
        Assert.Null(Refusal(FileKind.Docx, SampleFiles.Zip(("[Content_Types].xml", "<x/>"), ("word/document.xml", "<x/>"))));
    }

    [Fact]
    public void Refusal_PdfHeaderFollowedByHtml_SaysItCarriesHtml()
    {
        Assert.Contains("HTML이나 스크립트", Refusal(FileKind.Pdf, SampleFiles.PdfHeaderThenHtml), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_RealPdfWithAScriptAppended_SaysItCarriesHtml()
    {
        Assert.Contains("HTML이나 스크립트", Refusal(FileKind.Pdf, [.. SampleFiles.Pdf, .. "<SCRIPT>alert(1)</SCRIPT>"u8]), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PdfSignatureWithoutADocument_SaysItDoesNotOpen()
    {
        Assert.Contains("PDF로 열리지 않습니다", Refusal(FileKind.Pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PngHeaderFollowedByHtml_SaysTheStructureIsBroken()
    {
        Assert.Contains("올바른 PNG 파일이 아니어서", Refusal(FileKind.Png, SampleFiles.PngHeaderThenHtml), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PngWithAWrongChunkCrc_NamesTheChunk()
    {
        byte[] png = [.. SampleFiles.Png];
        png[8 + 8 + 13] ^= 0xFF; // the first byte of IHDR's CRC
        Assert.Contains("'IHDR' 조각의 CRC가 맞지 않습니다", Refusal(FileKind.Png, png), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PngWithBytesAfterIend_SaysSo()
    {
        Assert.Contains("IEND) 뒤에 다른 내용", Refusal(FileKind.Png, [.. SampleFiles.Png, .. "<html>"u8]), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PngCutShort_SaysItIsTruncated()
    {
        Assert.Contains("중간에 끊겼습니다", Refusal(FileKind.Png, SampleFiles.Png[..^12]), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_PngWhoseImageDataIsTooShortForItsHeader_SaysTheDataIsBroken()
    {
        // IHDR claims 32 × 16: the 16 × 16 image data no longer fills it. The CRC is made right.
        byte[] png = [.. SampleFiles.Png];
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 32);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        Assert.Contains("이미지 데이터가 손상되었습니다", Refusal(FileKind.Png, png), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_JpegWithHtmlAfterItsEnd_SaysSo()
    {
        Assert.Contains("EOI) 뒤에 다른 내용", Refusal(FileKind.Jpeg, [.. SampleFiles.Jpeg, .. "<html><script>x</script></html>"u8]), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_JpegWithoutItsEnd_SaysItIsTruncated()
    {
        Assert.Contains("EOI가 없습니다", Refusal(FileKind.Jpeg, SampleFiles.Jpeg[..^2]), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_JpegHeaderFollowedByHtml_IsRefused()
    {
        // "<h" reads as a segment length far beyond the file's end.
        Assert.Contains("올바른 JPG 파일이 아니어서", Refusal(FileKind.Jpeg, [0xFF, 0xD8, 0xFF, 0xE0, .. "<html><script>x</script></html>"u8]), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_MultiPictureJpeg_IsNone()
    {
        // CIPA DC-007: a camera's further images follow the first one's EOI, each a JPEG.
        Assert.Null(Refusal(FileKind.Jpeg, [.. SampleFiles.Jpeg, .. SampleFiles.Jpeg]));
    }

    [Fact]
    public void Refusal_DocxUnpackingBeyondTheLimit_SaysItIsTooLargeUnpacked()
    {
        var small = new AttachmentOptions { MaxArchiveUnpackedBytes = 1024 * 1024 };
        Assert.Contains("압축을 푼 크기가 너무 큽니다(최대 1MB)", Refusal(FileKind.Docx, SampleFiles.DocxUnpackingTo(3L * 1024 * 1024), small), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_HwpxWithTooManyEntries_SaysSo()
    {
        var small = new AttachmentOptions { MaxArchiveEntries = 3 };
        var hwpx = SampleFiles.Zip(("mimetype", "application/hwp+zip"), ("a", "1"), ("b", "2"), ("c", "3"));
        Assert.Contains("항목이 너무 많습니다", Refusal(FileKind.Hwpx, hwpx, small), StringComparison.Ordinal);
    }

    // The CRC-32 of ISO 3309, computed bit by bit: independent of the one under test.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
