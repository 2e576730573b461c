namespace SocialEconomy.Domain.Planning;

/// <summary>
/// A line of the 재정계획 (financial plan): yearly amounts in a money unit, or 비예산 (no
/// budget). It funds a sub-project and, usually, one of its action items.
/// </summary>
public class BudgetLine
{
    private readonly List<BudgetAmount> _amounts = [];

    internal BudgetLine(SubProject subProject, int sortOrder, string name, Unit unit, ActionItem? actionItem)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!unit.IsMoney)
        {
            throw new DomainException($"예산 단위는 금액 단위여야 합니다: {unit}");
        }

        SubProject = subProject;
        SortOrder = sortOrder;
        Name = BasicPlan.Required(name, "예산 항목명", 200);
        Unit = unit;
        ActionItem = actionItem;
    }

    private BudgetLine()
    {
        SubProject = null!;
        Name = string.Empty;
        Unit = Unit.MillionWon;
    }

    public int Id { get; private set; }

    public int SubProjectId { get; private set; }

    public SubProject SubProject { get; private set; }

    public int? ActionItemId { get; private set; }

    public ActionItem? ActionItem { get; private set; }

    public int SortOrder { get; private set; }

    public string Name { get; private set; }

    public Unit Unit { get; private set; }

    /// <summary>비예산: carried out without a budget of its own.</summary>
    public bool IsNonBudget { get; private set; }

    public IReadOnlyList<BudgetAmount> Amounts => _amounts.OrderBy(a => a.Year).ToList();

    internal void Reorder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>
    /// Changes name, unit, funded action item and 비예산. A new unit converts the amounts so
    /// that the money stays the same (1 백만원 becomes 1,000 천원).
    /// </summary>
    public void Edit(string name, Unit unit, ActionItem? fundedItem, bool isNonBudget)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!unit.IsMoney)
        {
            throw new DomainException($"예산 단위는 금액 단위여야 합니다: {unit}");
        }

        if (fundedItem is not null && !SubProject.ActionItems.Contains(fundedItem))
        {
            throw new DomainException("예산을 연결할 단위사업이 이 세부사업에 속하지 않습니다.");
        }

        if (isNonBudget && _amounts.Any(a => a.Amount != 0))
        {
            throw new DomainException("금액이 입력된 항목은 비예산으로 바꿀 수 없습니다. 연도별 금액을 먼저 지우세요.");
        }

        Name = BasicPlan.Required(name, "예산 항목명", 200);
        if (unit != Unit)
        {
            foreach (var amount in _amounts)
            {
                amount.Convert(Unit, unit);
            }

            Unit = unit;
        }

        ActionItem = fundedItem;
        ActionItemId = fundedItem?.Id;
        if (isNonBudget)
        {
            MarkNonBudget();
        }
        else
        {
            IsNonBudget = false;
        }
    }

    public void MarkNonBudget()
    {
        _amounts.Clear();
        IsNonBudget = true;
    }

    public void SetAmount(int year, decimal amount)
    {
        if (IsNonBudget)
        {
            throw new DomainException($"'{Name}'은(는) 비예산 항목이라 금액을 입력할 수 없습니다.");
        }

        SubProject.Period.EnsureContains(year);
        if (amount < 0)
        {
            throw new DomainException($"{year}년 예산은 0 이상이어야 합니다.");
        }

        _amounts.RemoveAll(a => a.Year == year);
        _amounts.Add(new BudgetAmount(year, amount));
    }

    /// <summary>One year's amount converted to <paramref name="unit"/>; 0 when none or 비예산.</summary>
    public decimal AmountFor(int year, Unit unit)
    {
        var amount = _amounts.FirstOrDefault(a => a.Year == year);
        return amount is null ? 0m : Unit.ConvertTo(amount.Amount, unit);
    }

    public decimal Total(Unit unit) => Unit.ConvertTo(_amounts.Sum(a => a.Amount), unit);
}

/// <summary>One year's planned amount of a budget line, in the line's unit.</summary>
public class BudgetAmount
{
    internal BudgetAmount(int year, decimal amount)
    {
        Year = year;
        Amount = amount;
    }

    public int Id { get; private set; }

    public int BudgetLineId { get; private set; }

    public int Year { get; private set; }

    public decimal Amount { get; private set; }

    internal void Convert(Unit from, Unit to) => Amount = from.ConvertTo(Amount, to);
}
