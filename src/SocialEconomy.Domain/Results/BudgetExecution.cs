using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Results;

/// <summary>집행액: what a budget line spent in the year, in the line's own unit, kept as typed.</summary>
public class BudgetExecution
{
    internal BudgetExecution(BudgetLine line)
    {
        BudgetLine = line;
        BudgetLineId = line.Id;
    }

    private BudgetExecution()
    {
        BudgetLine = null!;
    }

    public int Id { get; private set; }

    public int YearResultId { get; private set; }

    public int BudgetLineId { get; private set; }

    public BudgetLine BudgetLine { get; private set; }

    public string? Input { get; private set; }

    public const int InputMaxLength = 200;

    public decimal? Executed { get; private set; }

    public string? Problem { get; private set; }

    internal void Record(BudgetLine line, string? input)
    {
        var typed = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        Input = typed is { Length: > InputMaxLength } ? typed[..InputMaxLength] : typed;
        (Executed, Problem) = Read(line, typed);
    }

    /// <summary>Reads an executed amount as typed, in the line's unit; pure, like <see cref="IndicatorResult.Read"/>.</summary>
    public static (decimal? Executed, string? Problem) Read(BudgetLine line, string? input)
    {
        ArgumentNullException.ThrowIfNull(line);
        var typed = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (typed is null)
        {
            return (null, null);
        }

        if (line.IsNonBudget)
        {
            return (null, "비예산 항목에는 집행액을 입력하지 않습니다.");
        }

        TargetValue value;
        try
        {
            value = typed.Length > 100 ? TargetValue.Empty : TargetValue.Parse(typed, line.Unit);
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }

        if (value is not { Number: { } number, Text: null })
        {
            return (null, $"금액을 숫자로 입력하세요 (단위: {line.Unit}). 예: 1,645 또는 12.5");
        }

        return number < 0 ? (null, "집행액은 0 이상이어야 합니다.") : (number, null);
    }
}
