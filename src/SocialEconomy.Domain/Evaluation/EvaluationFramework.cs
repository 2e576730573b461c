namespace SocialEconomy.Domain.Evaluation;

/// <summary>
/// 평가지표 체계: the items and points of the self-evaluation or the external evaluation,
/// as data. The seeded defaults (no year) are copied for a year's evaluation, where the
/// T/F may adjust items, points, sub-criteria and scoring bands until the first score is
/// saved; from then on the year's copy is frozen, so every score is given against the same
/// table.
/// </summary>
public class EvaluationFramework
{
    public const int TitleMaxLength = 100;

    private readonly List<EvaluationItem> _items = [];
    private readonly List<ScoringBand> _bands = [];

    public EvaluationFramework(int localGovernmentId, FrameworkKind kind, string title)
    {
        LocalGovernmentId = localGovernmentId;
        Kind = kind;
        Title = DomainText.Required(title, "평가틀 이름", TitleMaxLength);
    }

    private EvaluationFramework()
    {
        Title = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>Each government keeps its own tables: the defaults it adjusts and the years' copies.</summary>
    public int LocalGovernmentId { get; private set; }

    public FrameworkKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>The year's copy belongs to one evaluation; the defaults to none.</summary>
    public bool IsDefault { get; private set; } = true;

    public bool IsFrozen { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<EvaluationItem> Items => _items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();

    /// <summary>목표의 달성도 scoring bands, highest rate first.</summary>
    public IReadOnlyList<ScoringBand> Bands => _bands.OrderByDescending(b => b.MinRate).ToList();

    /// <summary>The base total (가점 items left out): 100 in both seeded tables.</summary>
    public decimal BasePoints => _items.Where(i => !i.IsBonus).Sum(i => i.MaxPoints);

    public decimal BonusPoints => _items.Where(i => i.IsBonus).Sum(i => i.MaxPoints);

    public EvaluationItem? AchievementItem => _items.FirstOrDefault(i => i.Role == ItemRole.Achievement);

    /// <summary>A year's own copy, unfrozen, with the same items and bands.</summary>
    public EvaluationFramework CopyFor(int year)
    {
        var copy = new EvaluationFramework(LocalGovernmentId, Kind, $"{year}년 {Title}".Length <= TitleMaxLength ? $"{year}년 {Title}" : Title) { IsDefault = false };
        foreach (var item in Items)
        {
            copy._items.Add(item.Copy(copy));
        }

        foreach (var band in _bands)
        {
            copy._bands.Add(new ScoringBand(copy, band.MinRate, band.Points));
        }

        return copy;
    }

    public EvaluationItem AddItem(ItemDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        EnsureEditable();
        EnsureOneAchievementItem(draft.Role, except: null);
        var item = new EvaluationItem(this, _items.Count == 0 ? 1 : _items.Max(i => i.SortOrder) + 1, draft);
        _items.Add(item);
        Touch();
        return item;
    }

    public void EditItem(EvaluationItem item, ItemDraft draft)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(draft);
        EnsureEditable();
        EnsureOwn(item);
        EnsureOneAchievementItem(draft.Role, except: item);
        item.Apply(draft);
        if (item.Role == ItemRole.Achievement && _bands.Any(b => b.Points > item.MaxPoints))
        {
            throw new DomainException($"배점 기준에 {item.MaxPoints:0.#}점보다 큰 점수가 있습니다. 배점 기준을 먼저 고치세요.");
        }

        Touch();
    }

    public void RemoveItem(EvaluationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        EnsureEditable();
        EnsureOwn(item);
        _items.Remove(item);
        Touch();
    }

    /// <summary>
    /// Replaces the 목표의 달성도 bands: each band gives its points from its lower rate up;
    /// a rate below every band gives 0. Rates are distinct, points never exceed the item's.
    /// </summary>
    public void SetBands(IReadOnlyList<(decimal MinRate, decimal Points)> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        EnsureEditable();
        var achievement = AchievementItem ?? throw new DomainException("목표의 달성도 항목(달성률로 제안)이 없어 배점 기준을 둘 수 없습니다.");
        if (bands.Select(b => b.MinRate).Distinct().Count() != bands.Count)
        {
            throw new DomainException("같은 달성률 하한이 두 번 있습니다.");
        }

        foreach (var (minRate, points) in bands)
        {
            if (minRate is < 0 or > 1000)
            {
                throw new DomainException("달성률 하한은 0%부터 1,000% 사이로 입력하세요.");
            }

            DomainText.Points(points, achievement.MaxPoints, "구간 점수");
        }

        var ordered = bands.OrderByDescending(b => b.MinRate).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Points > ordered[i - 1].Points)
            {
                throw new DomainException("달성률이 낮은 구간의 점수가 높은 구간보다 클 수 없습니다.");
            }
        }

        _bands.Clear();
        _bands.AddRange(bands.Select(b => new ScoringBand(this, b.MinRate, b.Points)));
        Touch();
    }

    /// <summary>The points the bands give an achievement rate; null when there is no rate or no band.</summary>
    public decimal? ProposedPoints(decimal? achievementRate)
    {
        if (achievementRate is not { } rate || _bands.Count == 0)
        {
            return null;
        }

        return Bands.FirstOrDefault(b => rate >= b.MinRate)?.Points ?? 0m;
    }

    /// <summary>Called when the first score is saved against this table.</summary>
    public void Freeze()
    {
        if (IsDefault)
        {
            throw new InvalidOperationException("The default frameworks are copied, never scored against.");
        }

        IsFrozen = true;
    }

    public void EnsureEditable()
    {
        if (IsFrozen)
        {
            throw new DomainException("채점이 시작된 평가틀은 고칠 수 없습니다. 항목과 배점은 채점 시작 전까지만 바꿀 수 있습니다.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();

    private void EnsureOwn(EvaluationItem item)
    {
        if (!_items.Contains(item))
        {
            throw new InvalidOperationException("The item belongs to another framework.");
        }
    }

    private void EnsureOneAchievementItem(ItemRole role, EvaluationItem? except)
    {
        if (role == ItemRole.Achievement && _items.Any(i => i.Role == ItemRole.Achievement && !ReferenceEquals(i, except)))
        {
            throw new DomainException("달성률로 점수를 제안하는 항목은 하나만 둘 수 있습니다.");
        }

        if (role == ItemRole.Achievement && Kind != FrameworkKind.Self)
        {
            throw new DomainException("달성률로 점수를 제안하는 항목은 자체평가틀에만 둘 수 있습니다.");
        }
    }
}

/// <summary>What a T/F member types for an item: 단계/분야, 평가항목, 평가지표, 세부지표, 배점.</summary>
public sealed record ItemDraft(string? Area, string? Name, string? Indicator, string? Criteria, decimal MaxPoints, bool IsBonus, ItemRole Role, string? Topic);

/// <summary>One scored line of a framework.</summary>
public class EvaluationItem
{
    public const int LabelMaxLength = 100;
    public const int CriteriaMaxLength = 500;
    public const decimal MaxItemPoints = 100m;

    internal EvaluationItem(EvaluationFramework framework, int sortOrder, ItemDraft draft)
    {
        Framework = framework;
        SortOrder = sortOrder;
        Area = Name = Indicator = string.Empty;
        Apply(draft);
    }

    private EvaluationItem()
    {
        Framework = null!;
        Area = Name = Indicator = string.Empty;
    }

    public int Id { get; private set; }

    public int FrameworkId { get; private set; }

    public EvaluationFramework Framework { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>단계(자체평가) or 분야(외부평가), e.g. 집행.</summary>
    public string Area { get; private set; }

    /// <summary>평가항목, e.g. 시행과정의 효율성.</summary>
    public string Name { get; private set; }

    /// <summary>평가지표, e.g. 추진일정의 충실성.</summary>
    public string Indicator { get; private set; }

    /// <summary>세부지표 and how points are given, as the T/F defines them.</summary>
    public string? Criteria { get; private set; }

    public decimal MaxPoints { get; private set; }

    /// <summary>가점 (α): added on top of the base total.</summary>
    public bool IsBonus { get; private set; }

    public ItemRole Role { get; private set; }

    /// <summary>비교 주제: items of the self and the external table with the same topic are shown side by side.</summary>
    public string? Topic { get; private set; }

    public string Label => $"{Area} · {Name} · {Indicator}";

    internal void Apply(ItemDraft draft)
    {
        Area = DomainText.Required(draft.Area, "단계·분야", LabelMaxLength);
        Name = DomainText.Required(draft.Name, "평가항목", LabelMaxLength);
        Indicator = DomainText.Required(draft.Indicator, "평가지표", LabelMaxLength);
        Criteria = DomainText.Optional(draft.Criteria, "세부지표·배점기준", CriteriaMaxLength);
        if (draft.MaxPoints <= 0 || draft.MaxPoints > MaxItemPoints || draft.MaxPoints * 2 != decimal.Truncate(draft.MaxPoints * 2))
        {
            throw new DomainException("배점은 0.5점 단위로 0.5점부터 100점 사이로 입력하세요.");
        }

        MaxPoints = draft.MaxPoints;
        IsBonus = draft.IsBonus;
        Role = draft.Role;
        Topic = DomainText.Optional(draft.Topic, "비교 주제", 50);
    }

    internal EvaluationItem Copy(EvaluationFramework framework) =>
        new(framework, SortOrder, new ItemDraft(Area, Name, Indicator, Criteria, MaxPoints, IsBonus, Role, Topic));
}

/// <summary>A 목표의 달성도 band: from this achievement rate (%) up, this many points.</summary>
public class ScoringBand
{
    internal ScoringBand(EvaluationFramework framework, decimal minRate, decimal points)
    {
        Framework = framework;
        MinRate = minRate;
        Points = points;
    }

    private ScoringBand()
    {
        Framework = null!;
    }

    public int Id { get; private set; }

    public int FrameworkId { get; private set; }

    public EvaluationFramework Framework { get; private set; }

    public decimal MinRate { get; private set; }

    public decimal Points { get; private set; }
}
