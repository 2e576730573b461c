namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// A JPEG must be one (ITU-T T.81, B.1): SOI, then marker segments whose lengths add up, a
/// frame header before the first scan, entropy-coded data, and EOI. After EOI may follow only
/// padding or the further images of a multi-picture file (CIPA DC-007), each a JPEG itself;
/// anything else (HTML, a zip) is refused.
/// </summary>
public static class JpegContent
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    /// <summary>Null when the bytes are a well-formed JPEG; otherwise why not, in Korean.</summary>
    public static string? Problem(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = 0;
        while (true)
        {
            var (end, problem) = Image(content, start);
            if (problem is not null)
            {
                return problem;
            }

            var rest = content.AsSpan(end);
            if (rest.IndexOfAnyExcept((byte)0) < 0)
            {
                return null;
            }

            if (!rest.StartsWith([Marker, StartOfImage, Marker]))
            {
                return "이미지의 끝(EOI) 뒤에 다른 내용이 붙어 있습니다";
            }

            start = end;
        }
    }

    /// <summary>One image from SOI at <paramref name="start"/>: the position after its EOI, or the problem.</summary>
    private static (int End, string? Problem) Image(byte[] content, int start)
    {
        const string Truncated = "파일이 중간에 끊겼습니다(이미지의 끝 EOI가 없습니다)";
        const string Broken = "JPEG 세그먼트 구조가 올바르지 않습니다";
        if (content.Length - start < 4 || content[start] != Marker || content[start + 1] != StartOfImage)
        {
            return (0, Broken);
        }

        var position = start + 2;
        var hasFrame = false;
        var hasScan = false;
        while (true)
        {
            if (position >= content.Length)
            {
                return (0, Truncated);
            }

            if (content[position] != Marker)
            {
                return (0, Broken);
            }

            // Any number of 0xFF fill bytes may stand before a marker (B.1.1.2).
            while (position < content.Length && content[position] == Marker)
            {
                position++;
            }

            if (position >= content.Length)
            {
                return (0, Truncated);
            }

            var marker = content[position++];
            if (marker == EndOfImage)
            {
                return hasScan ? (position, null) : (0, "이미지 데이터가 없습니다");
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                // TEM and the restart markers stand alone, without a length.
                continue;
            }

            if (marker is 0x00 or StartOfImage)
            {
                return (0, Broken);
            }

            if (content.Length - position < 2)
            {
                return (0, Truncated);
            }

            var length = (content[position] << 8) | content[position + 1];
            if (length < 2 || length > content.Length - position)
            {
                return (0, length < 2 ? Broken : Truncated);
            }

            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): a frame header with lines, samples per line and components.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (length < 8 || ((content[position + 5] << 8) | content[position + 6]) == 0 || content[position + 7] is 0 or > 4)
                {
                    return (0, "이미지 머리(SOF)의 크기나 색 정보가 올바르지 않습니다");
                }

                hasFrame = true;
            }

            position += length;
            if (marker == StartOfScan)
            {
                if (!hasFrame)
                {
                    return (0, Broken);
                }

                hasScan = true;
                position = AfterEntropyCodedData(content, position);
            }
        }
    }

    /// <summary>The position of the first marker after a scan's data: 0xFF followed by neither a stuffed 0x00 nor a restart marker.</summary>
    private static int AfterEntropyCodedData(byte[] content, int position)
    {
        while (true)
        {
            var next = content.AsSpan(position).IndexOf(Marker);
            if (next < 0 || position + next + 1 >= content.Length)
            {
                return content.Length;
            }

            position += next;
            var following = content[position + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
            {
                position += 2;
                continue;
            }

            if (following == Marker)
            {
                // A fill byte: the marker is still to come.
                position++;
                continue;
            }

            return position;
        }
    }
}
