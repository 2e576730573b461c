using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialEconomy.Domain.Planning;

/// <summary>
/// One cell of a yearly table: a number, a text ("운영계획 수립"), or both as the plans
/// print them ("77 (27억)": 77 companies, 27억원). Parsing accepts what officials type or
/// paste: full-width digits, thousands separators, the row's unit after the number.
/// </summary>
public sealed partial record TargetValue(decimal? Number, string? Text)
{
    public const int TextMaxLength = 500;

    /// <summary>The largest magnitude stored: decimal(18,4) holds 14 digits before the point.</summary>
    public const decimal MaxNumber = 100_000_000_000_000m;

    public static TargetValue Empty { get; } = new(null, null);

    public bool IsEmpty => Number is null && string.IsNullOrEmpty(Text);

    public static TargetValue OfNumber(decimal number, string? note = null) => new(number, NullIfBlank(note));

    public static TargetValue OfText(string text) => new(null, NullIfBlank(text));

    /// <summary>
    /// Reads a cell as printed. A leading number (optionally followed by the row's unit and
    /// a parenthesised note) becomes the number; anything else is kept as text.
    /// "-" and blanks are empty.
    /// </summary>
    public static TargetValue Parse(string? cell, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var text = Normalize(cell);
        if (text.Length == 0 || text is "-" or "–" or "—")
        {
            return Empty;
        }

        if (text.Length > TextMaxLength)
        {
            throw new DomainException($"목표값은 {TextMaxLength}자 이내로 입력하세요.");
        }

        var match = NumberCell().Match(text);
        if (match.Success)
        {
            var suffix = match.Groups["unit"].Value;
            if (suffix.Length == 0 || string.Equals(suffix, unit.Symbol, StringComparison.Ordinal))
            {
                // ASCII digits only ([0-9]), and no number beyond what decimal(18,4) stores.
                if (!decimal.TryParse(
                        match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal),
                        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture,
                        out var number) || Math.Abs(number) >= MaxNumber)
                {
                    throw new DomainException("숫자가 너무 큽니다. 100조 미만으로 입력하세요.");
                }

                return new TargetValue(number, NullIfBlank(match.Groups["note"].Value));
            }
        }

        return new TargetValue(null, text);
    }

    /// <summary>Full-width digits and punctuation (１２，０００) become ASCII; spaces collapse.</summary>
    public static string Normalize(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return string.Empty;
        }

        var folded = cell.Normalize(NormalizationForm.FormKC);
        return Whitespace().Replace(folded, " ").Trim();
    }

    public string Format(IFormatProvider provider)
    {
        if (Number is { } number)
        {
            var formatted = FormatNumber(number, provider);
            return string.IsNullOrEmpty(Text) ? formatted : $"{formatted} ({Text})";
        }

        return Text ?? string.Empty;
    }

    public static string FormatNumber(decimal number, IFormatProvider provider) =>
        number.ToString("#,##0.####", provider);

    public override string ToString() => Format(CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?<number>[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?)\s*(?<unit>[^\s(]*)\s*(\((?<note>[^)]*)\))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Whitespace();
}
