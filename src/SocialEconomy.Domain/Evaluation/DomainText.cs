namespace SocialEconomy.Domain.Evaluation;

/// <summary>Trimming and length rules for the evaluation texts, with Korean messages naming the field.</summary>
internal static class DomainText
{
    public static string Required(string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{label}을(를) 입력하세요.");
        }

        return Optional(value, label, maxLength)!;
    }

    public static string? Optional(string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{label}은(는) {maxLength:N0}자 이내로 입력하세요. 지금 {trimmed.Length:N0}자입니다.");
        }

        return trimmed;
    }

    /// <summary>Points are given in steps of 0.5 from 0 to the item's maximum.</summary>
    public static decimal Points(decimal value, decimal max, string label)
    {
        if (value < 0 || value > max)
        {
            throw new DomainException($"{label}는 0점부터 {max:0.#}점 사이로 입력하세요.");
        }

        if (value * 2 != decimal.Truncate(value * 2))
        {
            throw new DomainException($"{label}는 0.5점 단위로 입력하세요.");
        }

        return value;
    }
}
