using System.Globalization;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// Which characters typed text may never carry (issue 15 item 6). Controls (C0, DEL, C1) are
/// invisible, break exports and logs, and a NUL ends the string in C code that reads the
/// database file; non-characters are never meant for interchange (Unicode §23.7); bidi
/// overrides and isolates make text display in another order than it is stored (CVE-2021-42574,
/// "Trojan Source"). A multi-line field may carry tab and line breaks; nothing else differs.
/// </summary>
public static class TextRules
{
    /// <summary>The first character <paramref name="text"/> may not carry, as a code point, or null when all are allowed.</summary>
    public static int? FindForbidden(string? text, bool multiLine)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                // Half of a pair: no character at all (the form reader never makes one, code can).
                return codePoint;
            }

            if (IsForbidden(codePoint, multiLine))
            {
                return codePoint;
            }
        }

        return null;
    }

    /// <summary>The Korean message beside a field that carries <paramref name="codePoint"/>.</summary>
    public static string Message(string? field, int codePoint) =>
        $"{field ?? "이 칸"}에 쓸 수 없는 문자(U+{codePoint.ToString("X4", CultureInfo.InvariantCulture)})가 있습니다. 보이지 않는 제어 문자일 수 있으니 지우고 다시 입력하세요.";

    private static bool IsForbidden(int c, bool multiLine) => c switch
    {
        '\t' or '\n' or '\r' => !multiLine,
        < 0x20 or (>= 0x7F and <= 0x9F) => true,
        (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => true,
        >= 0xFDD0 and <= 0xFDEF => true,

        // U+FFFE and U+FFFF, and the last two code points of every other plane.
        _ => (c & 0xFFFE) == 0xFFFE,
    };
}
