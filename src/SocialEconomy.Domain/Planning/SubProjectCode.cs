using System.Globalization;
using System.Text;

namespace SocialEconomy.Domain.Planning;

/// <summary>
/// A sub-project code ("1-1", "가-1", "SE-01") is a segment of the sub-project's URLs
/// (/plans/{id}/subprojects/{code}, /results/{planId}/{year}/{code}), so it is kept in one
/// form: NFKC-normalised, so the full-width "１-１" typed by an IME is the same code as "1-1"
/// (and "Ⅳ" becomes "IV"), and trimmed. A "/" would split the segment and a control character
/// cannot be typed back into an address bar, so neither may be part of a code (issue 16 item 6).
/// </summary>
public static class SubProjectCode
{
    public const int MaxLength = 20;

    private const string Label = "세부사업 코드";

    /// <summary>The stored form of a typed, imported or addressed code; a URL lookup normalises the same way.</summary>
    public static string Normalize(string? code) =>
        string.IsNullOrEmpty(code) ? string.Empty : code.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Why <paramref name="code"/> cannot be a sub-project code, in Korean, or null when it can.</summary>
    public static string? Refusal(string? code)
    {
        var normalized = Normalize(code);
        if (normalized.Length == 0)
        {
            return $"{Label}을(를) 입력하세요.";
        }

        if (normalized.Length > MaxLength)
        {
            return $"{Label}은(는) {MaxLength}자 이내로 입력하세요.";
        }

        if (normalized.Contains('/', StringComparison.Ordinal) || normalized.Contains('\\', StringComparison.Ordinal))
        {
            return $"{Label}에는 빗금(/, \\)을 쓸 수 없습니다. 주소를 나누는 문자입니다. 예: 1-1";
        }

        foreach (var c in normalized)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                return $"{Label}에 쓸 수 없는 문자(U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)})가 있습니다. 보이지 않는 제어 문자일 수 있으니 지우고 다시 입력하세요.";
            }
        }

        return null;
    }

    /// <summary>The normalised code, or a <see cref="DomainException"/> carrying <see cref="Refusal"/>.</summary>
    public static string Validated(string? code) =>
        Refusal(code) is { } refusal ? throw new DomainException(refusal) : Normalize(code);
}
