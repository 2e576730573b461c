namespace SocialEconomy.Domain.Planning;

/// <summary>
/// 성과지표: one row of an action item's yearly table, with a target per year and a 계
/// (total) column formed by <see cref="TotalRule"/>.
/// </summary>
public class Indicator
{
    private readonly List<IndicatorTarget> _targets = [];

    internal Indicator(ActionItem actionItem, int sortOrder, string name, Unit unit, IndicatorKind kind, TotalRule totalRule, string? group)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ActionItem = actionItem;
        SortOrder = sortOrder;
        Name = BasicPlan.Required(name, "지표명", 200);
        Group = BasicPlan.Optional(group, 200);
        Unit = unit;
        Kind = kind;
        TotalRule = totalRule;
        EnsureUnitFitsKind();
    }

    private Indicator()
    {
        ActionItem = null!;
        Name = string.Empty;
        Unit = Unit.Items;
    }

    public int Id { get; private set; }

    public int ActionItemId { get; private set; }

    public ActionItem ActionItem { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>A row header shared by several rows (printed as a merged cell), if any.</summary>
    public string? Group { get; private set; }

    public string Name { get; private set; }

    public Unit Unit { get; private set; }

    public IndicatorKind Kind { get; private set; }

    public TotalRule TotalRule { get; private set; }

    public IndicatorDirection Direction { get; private set; } = IndicatorDirection.Increase;

    /// <summary>
    /// For <see cref="TotalRule.Given"/> the whole 계 text ("매년 10% 상승"); for the other
    /// rules a note printed after the computed number ("평균", "27억").
    /// </summary>
    public string? TotalText { get; private set; }

    public IReadOnlyList<IndicatorTarget> Targets => _targets.OrderBy(t => t.Year).ToList();

    /// <summary>
    /// Changes what the row measures. The yearly targets stay as typed, so a new kind must
    /// accept them: a 정성 indicator holds no numbers, an amount or count no negative ones.
    /// </summary>
    public void Redefine(string name, string? group, Unit unit, IndicatorKind kind, TotalRule totalRule, string? totalText)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (kind == IndicatorKind.Text && _targets.Any(t => t.Number is not null))
        {
            throw new DomainException("숫자 목표가 입력된 지표는 정성 지표로 바꿀 수 없습니다. 목표를 먼저 문구로 고치세요.");
        }

        if (kind is IndicatorKind.Amount or IndicatorKind.Count && _targets.Any(t => t.Number < 0))
        {
            throw new DomainException("음수 목표가 있어 금액·개수 지표로 바꿀 수 없습니다.");
        }

        Name = BasicPlan.Required(name, "지표명", 200);
        Group = BasicPlan.Optional(group, 200);
        Unit = unit;
        Kind = kind;
        TotalRule = totalRule;
        EnsureUnitFitsKind();
        SetTotalText(totalText);
    }

    public void SetDirection(IndicatorDirection direction) => Direction = direction;

    public void SetTotalText(string? text)
    {
        TotalText = BasicPlan.Optional(text, TargetValue.TextMaxLength);
        if (TotalRule == TotalRule.Given && TotalText is null)
        {
            throw new DomainException("계 산정방식이 '직접 입력'이면 계 문구를 입력하세요.");
        }
    }

    public void SetTarget(int year, TargetValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ActionItem.Years.EnsureContains(year);
        if (value.Number is < 0 && Kind is IndicatorKind.Amount or IndicatorKind.Count)
        {
            throw new DomainException($"{year}년 목표는 0 이상이어야 합니다.");
        }

        if (value.Number is not null && Kind == IndicatorKind.Text)
        {
            throw new DomainException($"정성 지표의 {year}년 목표는 문구로 입력하세요.");
        }

        _targets.RemoveAll(t => t.Year == year);
        if (!value.IsEmpty)
        {
            _targets.Add(new IndicatorTarget(year, value.Number, value.Text));
        }
    }

    internal void Reorder(int sortOrder) => SortOrder = sortOrder;

    public TargetValue TargetFor(int year) =>
        _targets.FirstOrDefault(t => t.Year == year)?.Value ?? TargetValue.Empty;

    /// <summary>The 계 column, computed from the yearly targets, never typed in.</summary>
    public TargetValue Total()
    {
        var numbers = _targets.Where(t => t.Number is not null).OrderBy(t => t.Year).Select(t => t.Number!.Value).ToList();
        return TotalRule switch
        {
            TotalRule.Sum when numbers.Count > 0 => new TargetValue(numbers.Sum(), TotalText),
            TotalRule.Average when numbers.Count > 0 => new TargetValue(decimal.Round(numbers.Average(), 4, MidpointRounding.AwayFromZero), TotalText),
            TotalRule.LastYear when numbers.Count > 0 => new TargetValue(numbers[^1], TotalText),
            TotalRule.Given => TargetValue.OfText(TotalText ?? string.Empty),
            _ => TargetValue.Empty,
        };
    }

    private void EnsureUnitFitsKind()
    {
        var fits = Kind switch
        {
            IndicatorKind.Amount => Unit.IsMoney,
            IndicatorKind.Rate => Unit.Kind == UnitKind.Percent,
            IndicatorKind.Count => Unit.Kind == UnitKind.Count,
            _ => true,
        };
        if (!fits)
        {
            throw new DomainException($"지표 '{Name}'의 단위 {Unit}은(는) 지표 유형과 맞지 않습니다.");
        }
    }
}

/// <summary>One year's target of an indicator.</summary>
public class IndicatorTarget
{
    internal IndicatorTarget(int year, decimal? number, string? text)
    {
        Year = year;
        Number = number;
        Text = text;
    }

    public int Id { get; private set; }

    public int IndicatorId { get; private set; }

    public int Year { get; private set; }

    public decimal? Number { get; private set; }

    public string? Text { get; private set; }

    public TargetValue Value => new(Number, Text);
}
