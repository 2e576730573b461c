namespace SocialEconomy.Domain.Planning;

/// <summary>
/// 단위사업 / 추진내용: an action item of a sub-project ("소셜미션발굴단 구성 및 운영") with its
/// yearly table of indicators and milestones.
/// </summary>
public class ActionItem
{
    private readonly List<Indicator> _indicators = [];
    private readonly List<Milestone> _milestones = [];

    internal ActionItem(SubProject subProject, int sortOrder, string name, YearRange? period)
    {
        SubProject = subProject;
        SortOrder = sortOrder;
        Name = BasicPlan.Required(name, "단위사업명", 200);
        StartYear = period?.First;
        EndYear = period?.Last;
    }

    private ActionItem()
    {
        SubProject = null!;
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public int SubProjectId { get; private set; }

    public SubProject SubProject { get; private set; }

    public int SortOrder { get; private set; }

    public string Name { get; private set; }

    /// <summary>사업개요.</summary>
    public string? Summary { get; private set; }

    public int? StartYear { get; private set; }

    public int? EndYear { get; private set; }

    public YearRange? Period => StartYear is { } first && EndYear is { } last ? new YearRange(first, last) : null;

    private string? DetailsText { get; set; }

    /// <summary>사업내용 bullets, in printed order.</summary>
    public IReadOnlyList<string> Details => TextLines.Split(DetailsText);

    /// <summary>The yearly table's caption as printed, e.g. "개/천원"; each row still has its own unit.</summary>
    public string? TableUnitCaption { get; private set; }

    public IReadOnlyList<Indicator> Indicators => _indicators.OrderBy(i => i.SortOrder).ToList();

    public IReadOnlyList<Milestone> Milestones => _milestones.OrderBy(m => m.SortOrder).ToList();

    public void Describe(string? summary, IEnumerable<string>? details, string? tableUnitCaption)
    {
        Summary = BasicPlan.Optional(summary, 4000);
        var text = TextLines.Join(details);
        DetailsText = text.Length == 0 ? null : BasicPlan.Optional(text, 8000);
        TableUnitCaption = BasicPlan.Optional(tableUnitCaption, 50);
    }

    /// <summary>Changes name, summary and period; the period must hold every year its rows already use.</summary>
    public void Edit(string name, string? summary, YearRange? period)
    {
        if (period is { } range)
        {
            if (!SubProject.Period.Contains(range))
            {
                throw new DomainException($"단위사업 기간({range})은 세부사업 기간({SubProject.Period}) 안이어야 합니다.");
            }

            var usedYears = _indicators.SelectMany(i => i.Targets.Select(t => t.Year))
                .Concat(_milestones.SelectMany(m => m.Entries.Select(e => e.Year)))
                .Where(y => !range.Contains(y))
                .Distinct()
                .Order()
                .ToList();
            if (usedYears.Count > 0)
            {
                throw new DomainException($"{string.Join(", ", usedYears.Select(y => $"{y}년"))}에 목표나 추진계획이 입력되어 있어 기간을 {range}(으)로 줄일 수 없습니다. 그 연도의 값을 먼저 지우세요.");
            }
        }

        Name = BasicPlan.Required(name, "단위사업명", 200);
        Summary = BasicPlan.Optional(summary, 4000);
        StartYear = period?.First;
        EndYear = period?.Last;
    }

    public bool MoveIndicator(Indicator indicator, int delta) =>
        Ordering.Move(Indicators, indicator, delta, i => i.SortOrder, (i, order) => i.Reorder(order));

    public bool MoveMilestone(Milestone milestone, int delta) =>
        Ordering.Move(Milestones, milestone, delta, m => m.SortOrder, (m, order) => m.Reorder(order));

    public Indicator AddIndicator(string name, Unit unit, IndicatorKind kind, TotalRule totalRule, string? group = null)
    {
        var indicator = new Indicator(this, _indicators.Count + 1, name, unit, kind, totalRule, group);
        _indicators.Add(indicator);
        return indicator;
    }

    public Milestone AddMilestone(string? label)
    {
        var milestone = new Milestone(this, _milestones.Count + 1, label);
        _milestones.Add(milestone);
        return milestone;
    }

    public void RemoveIndicator(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!_indicators.Contains(indicator))
        {
            throw new DomainException("이 단위사업의 성과지표가 아닙니다.");
        }

        StructureRemoval.EnsureRemovable(indicator);
        _indicators.Remove(indicator);
        var order = 1;
        foreach (var remaining in Indicators)
        {
            remaining.Reorder(order++);
        }
    }

    public void RemoveMilestone(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (!_milestones.Contains(milestone))
        {
            throw new DomainException("이 단위사업의 연도별 추진계획이 아닙니다.");
        }

        StructureRemoval.EnsureRemovable(milestone);
        _milestones.Remove(milestone);
        var order = 1;
        foreach (var remaining in Milestones)
        {
            remaining.Reorder(order++);
        }
    }

    internal void Reorder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>The years its targets and milestones may use: its own period, else the sub-project's.</summary>
    public YearRange Years => Period ?? SubProject.Period;
}
