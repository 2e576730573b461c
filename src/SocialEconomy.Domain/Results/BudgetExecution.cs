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

    public decimal? Executed { get; private set; }

    public string? Problem { get; private set; }

    internal void Record(BudgetLine line, string? input)
    {
        Input = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        Executed = null;
        Problem = null;
        if (Input is null)
        {
            return;
        }

        if (line.IsNonBudget)
        {
            Problem = "비예산 항목에는 집행액을 입력하지 않습니다.";
            return;
        }

        var value = Input.Length > 100 ? TargetValue.Empty : TargetValue.Parse(Input, line.Unit);
        if (value is not { Number: { } number, Text: null })
        {
            Problem = $"금액을 숫자로 입력하세요 (단위: {line.Unit}). 예: 1,645 또는 12.5";
            return;
        }

        if (number < 0)
        {
            Problem = "집행액은 0 이상이어야 합니다.";
            return;
        }

        Executed = number;
    }
}
