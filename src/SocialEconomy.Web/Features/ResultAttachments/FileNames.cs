using System.Globalization;
using System.Text;

namespace SocialEconomy.Web.Features.ResultAttachments;

/// <summary>
/// Makes an uploaded file's name safe to store and to send back: no folders ("../", "C:\"),
/// no control characters, no direction overrides that make "exe.pdf" read as "fdp.exe", no
/// leading dots; Korean and other letters are kept as they are.
/// </summary>
public static class FileNames
{
    public const string Fallback = "첨부파일";

    public static string Neutralise(string? name, int maxLength)
    {
        var text = (name ?? string.Empty).Normalize(NormalizationForm.FormC);
        var lastSeparator = text.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            text = text[(lastSeparator + 1)..];
        }

        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || rune.Value is ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                continue;
            }

            kept.Append(rune.ToString());
        }

        // The extension is kept apart so that stripping leading dots (hidden files) cannot eat it.
        var whole = kept.ToString().Trim();
        var extension = Path.GetExtension(whole);
        var stem = whole[..^extension.Length].Trim().TrimStart('.').Trim();
        while (stem.Contains("..", StringComparison.Ordinal))
        {
            stem = stem.Replace("..", ".", StringComparison.Ordinal);
        }

        var cleaned = (stem.Length == 0 ? Fallback : stem) + extension;
        if (cleaned.Length > maxLength)
        {
            var keptExtension = extension.Length > 10 ? string.Empty : extension;
            var cut = maxLength - keptExtension.Length;

            // Never cut between the two halves of a surrogate pair.
            if (char.IsHighSurrogate(cleaned[cut - 1]))
            {
                cut--;
            }

            cleaned = cleaned[..cut] + keptExtension;
        }

        return cleaned;
    }
}
