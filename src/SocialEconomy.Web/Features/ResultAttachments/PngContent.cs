using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// A PNG must be one (RFC 2083 / ISO 15948): IHDR first, every chunk's CRC right, image data
/// that inflates to exactly the size IHDR promises, IEND last and nothing after it. A PNG
/// signature followed by HTML was once stored. No image library is referenced for this: the
/// structure is small, and decoding the pixels would add a native or a paid dependency
/// (docs/results.md).
/// </summary>
public static class PngContent
{
    /// <summary>8192 × 8192: far beyond a photo of a meeting, and it bounds the inflating work of a crafted header.</summary>
    public const long MaxPixels = 8192L * 8192L;

    private const int SignatureLength = 8;

    /// <summary>Null when the bytes are a well-formed PNG; otherwise why not, in Korean.</summary>
    public static string? Problem(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Header? header = null;
        using var imageData = new MemoryStream();
        var hasPalette = false;
        var position = SignatureLength;
        while (true)
        {
            if (content.Length - position < 12)
            {
                return "파일이 중간에 끊겼습니다(IEND 조각이 없습니다)";
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(position));
            var type = content.AsSpan(position + 4, 4);
            if (length > int.MaxValue || length > content.Length - position - 12)
            {
                return "파일이 중간에 끊겼습니다";
            }

            if (!IsChunkType(type))
            {
                return "조각 구조가 올바르지 않습니다";
            }

            var data = content.AsSpan(position + 8, (int)length);
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(content.AsSpan(position + 8 + (int)length));
            if (Crc32.Of(content.AsSpan(position + 4, 4 + (int)length)) != storedCrc)
            {
                return $"'{Encoding.ASCII.GetString(type)}' 조각의 CRC가 맞지 않습니다(손상된 파일)";
            }

            position += 12 + (int)length;
            if (header is null)
            {
                if (!type.SequenceEqual("IHDR"u8))
                {
                    return "첫 조각이 IHDR가 아닙니다";
                }

                header = Header.Read(data);
                if (header is null)
                {
                    return "이미지 머리(IHDR)의 크기나 색 정보가 올바르지 않습니다";
                }

                if (header.Width * header.Height > MaxPixels)
                {
                    return $"이미지가 너무 큽니다({header.Width}×{header.Height}, 최대 8192×8192 화소)";
                }
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                hasPalette = true;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                imageData.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        if (header is null || position != content.Length)
        {
            return "이미지의 끝(IEND) 뒤에 다른 내용이 붙어 있습니다";
        }

        if (header.ColorType == 3 && !hasPalette)
        {
            return "팔레트 이미지에 팔레트(PLTE)가 없습니다";
        }

        if (imageData.Length == 0)
        {
            return "이미지 데이터(IDAT)가 없습니다";
        }

        imageData.Position = 0;
        return InflatedLength(imageData, header.FilteredBytes + 1) == header.FilteredBytes ? null : "이미지 데이터가 손상되었습니다";
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many bytes the zlib stream unpacks to, counting no further than <paramref name="cap"/>; -1 when it is not zlib.</summary>
    private static long InflatedLength(Stream compressed, long cap)
    {
        try
        {
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while (total < cap && (read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (InvalidDataException)
        {
            return -1;
        }
    }

    private sealed record Header(long Width, long Height, int BitDepth, int ColorType, bool Interlaced)
    {
        // Adam7's passes: column start, row start, column step, row step.
        private static readonly (int X, int Y, int Dx, int Dy)[] Passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

        public static Header? Read(ReadOnlySpan<byte> data)
        {
            if (data.Length != 13)
            {
                return null;
            }

            var width = BinaryPrimitives.ReadUInt32BigEndian(data);
            var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
            int depth = data[8], color = data[9];
            var depthAllowed = color switch
            {
                0 => depth is 1 or 2 or 4 or 8 or 16,
                3 => depth is 1 or 2 or 4 or 8,
                2 or 4 or 6 => depth is 8 or 16,
                _ => false,
            };
            var valid = width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue && depthAllowed
                && data[10] == 0 && data[11] == 0 && data[12] is 0 or 1;
            return valid ? new Header(width, height, depth, color, data[12] == 1) : null;
        }

        private int BitsPerPixel => BitDepth * ColorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

        /// <summary>What the image data inflates to: each row of each pass is a filter byte and its pixels.</summary>
        public long FilteredBytes => Interlaced
            ? Passes.Sum(p => Rows(Width, Height, p))
            : Height * (1 + RowBytes(Width));

        private long RowBytes(long columns) => ((columns * BitsPerPixel) + 7) / 8;

        private long Rows(long width, long height, (int X, int Y, int Dx, int Dy) pass)
        {
            var columns = width > pass.X ? (width - pass.X + pass.Dx - 1) / pass.Dx : 0;
            var rows = height > pass.Y ? (height - pass.Y + pass.Dy - 1) / pass.Dy : 0;
            return columns == 0 || rows == 0 ? 0 : rows * (1 + RowBytes(columns));
        }
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, the same as zip's).</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            return c;
        }).ToArray();

        public static uint Of(ReadOnlySpan<byte> bytes)
        {
            var c = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
            }

            return c ^ 0xFFFFFFFFu;
        }
    }
}
